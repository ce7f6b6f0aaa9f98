package cloud.minicloud.core.task;

import java.time.Instant;
import java.util.List;

/** A task as users see it in an instance's history; {@code waiting} says why it waits for its node, if it does. */
public record TaskView(long id, TaskKind kind, TaskState state, Instant createdAt, Instant finishedAt, String error,
                       String waiting, List<StepView> steps) {
}
