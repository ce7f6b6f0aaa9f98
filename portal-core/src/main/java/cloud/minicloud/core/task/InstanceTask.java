package cloud.minicloud.core.task;

import java.util.UUID;

/** A task and the instance it worked on. */
public record InstanceTask(UUID instance, TaskView task) {
}
