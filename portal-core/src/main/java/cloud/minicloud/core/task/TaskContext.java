package cloud.minicloud.core.task;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A task being run: its facts, and the way its steps are recorded, skipped when done, and resumed. */
public final class TaskContext {

    /** A task as its runner loaded it. */
    public record Snapshot(long taskId, UUID instance, TaskKind kind, Long target, int attempts,
                           java.time.Instant waitingSince, List<String> doneSteps, List<String> triedSteps) {
    }

    private final Snapshot snapshot;
    private final TaskJournal journal;
    private final Failpoints failpoints;
    private final Set<String> done;
    private final Set<String> tried;

    TaskContext(Snapshot snapshot, TaskJournal journal, Failpoints failpoints) {
        this.snapshot = snapshot;
        this.journal = journal;
        this.failpoints = failpoints;
        this.done = new HashSet<>(snapshot.doneSteps());
        this.tried = new HashSet<>(snapshot.triedSteps());
    }

    public UUID instance() {
        return snapshot.instance();
    }

    public TaskKind kind() {
        return snapshot.kind();
    }

    public Long target() {
        return snapshot.target();
    }

    /**
     * Whether an earlier run of this task started the step and did not finish it (the server died,
     * or the node failed it): then it may have left something behind that a rerun must clear first.
     */
    public boolean triedBefore(String step) {
        return tried.contains(step) && !done.contains(step);
    }

    /**
     * Runs a step unless it is already done: recorded STARTED before, DONE after. A step that was
     * started but not recorded done (the server died) runs again, so every step must be idempotent.
     */
    public void step(String name, Runnable action) {
        if (done.contains(name)) {
            return;
        }
        long stepId = journal.stepStarted(snapshot.taskId(), name);
        failpoints.reach("before:" + name, snapshot.instance());
        try {
            action.run();
        } catch (RuntimeException e) {
            journal.stepEnded(stepId, TaskStep.Status.FAILED, cloud.minicloud.core.FailureText.of(e));
            throw e;
        }
        failpoints.reach("after:" + name, snapshot.instance());
        journal.stepEnded(stepId, TaskStep.Status.DONE, null);
        done.add(name);
    }

    int attempts() {
        return snapshot.attempts();
    }

    long taskId() {
        return snapshot.taskId();
    }

    /** Since when the task waits for its node, or null if it does not. */
    java.time.Instant waitingSince() {
        return snapshot.waitingSince();
    }
}
