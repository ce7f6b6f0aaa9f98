package cloud.minicloud.core.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Writes tasks and their steps, each change in a short transaction of its own (or the caller's, for enqueue). */
@ApplicationScoped
@Transactional
public class TaskJournal {

    static final int LEASE_SECONDS = 30;

    @Inject
    TaskRepository tasks;

    /** Queues a task in the caller's transaction, with the steps already done there (e.g. quota and placement). */
    @Transactional(Transactional.TxType.MANDATORY)
    public long enqueue(UUID instance, TaskKind kind, Long targetFlavorId, String doneStep, String doneDetail) {
        Task task = new Task(instance, kind, targetFlavorId);
        tasks.add(task);
        if (doneStep != null) {
            Instant now = Instant.now();
            TaskStep step = new TaskStep(task.id(), doneStep, now);
            step.end(TaskStep.Status.DONE, doneDetail, now);
            tasks.addStep(step);
        }
        return task.id();
    }

    /** Takes the oldest due task for this worker, if there is one. */
    public Optional<Long> claimNext(String worker) {
        for (long id : tasks.claimable(8)) {
            if (tasks.claim(id, worker, LEASE_SECONDS)) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    /** Extends the leases of the tasks this worker is running now. */
    public void renewLeases(String worker, Set<Long> running) {
        for (long taskId : running) {
            tasks.renewLease(taskId, worker, LEASE_SECONDS);
        }
    }

    /** What a runner needs to know about a task it took, including which steps are already done. */
    public TaskContext.Snapshot snapshot(long taskId) {
        Task task = tasks.find(taskId).orElseThrow();
        List<String> done = tasks.steps(taskId).stream()
                .filter(step -> step.status() == TaskStep.Status.DONE)
                .map(TaskStep::step)
                .toList();
        return new TaskContext.Snapshot(taskId, task.instanceId(), task.kind(), task.targetFlavorId(), task.attempts(), done);
    }

    long stepStarted(long taskId, String step) {
        TaskStep row = new TaskStep(taskId, step, Instant.now());
        tasks.addStep(row);
        return row.id();
    }

    void stepEnded(long stepId, TaskStep.Status outcome, String detail) {
        tasks.findStep(stepId).orElseThrow().end(outcome, detail, Instant.now());
    }

    void finished(long taskId, TaskState outcome, String why) {
        tasks.find(taskId).orElseThrow().finish(outcome, why);
    }

    void retryLater(long taskId, int delaySeconds) {
        tasks.retryLater(taskId, delaySeconds);
    }

    /** The instance's task history, newest first, with every step. */
    public List<TaskView> history(UUID instance, int limit) {
        return tasks.forInstance(instance, limit).stream()
                .map(task -> task.view(tasks.steps(task.id()).stream().map(TaskStep::view).toList()))
                .toList();
    }

    public boolean hasUnfinished(UUID instance) {
        return tasks.hasUnfinished(instance);
    }
}
