package cloud.minicloud.core.instance;

import cloud.minicloud.core.task.TaskView;
import java.util.UUID;

/** A task that failed, with the instance it failed on and that instance's tenant: for a cloud admin's overview. */
public record FailedTask(String tenant, UUID instance, String instanceName, TaskView task) {
}
