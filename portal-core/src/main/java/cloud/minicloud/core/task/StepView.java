package cloud.minicloud.core.task;

import java.time.Instant;

/** One step of a task as users see it. */
public record StepView(String step, TaskStep.Status status, Instant startedAt, Instant endedAt, String detail) {
}
