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

    /** A worker holds a task this long without renewing; the heartbeat renews every third of it. */
    static final int LEASE_SECONDS = 20;

    @Inject
    TaskRepository tasks;

    /**
     * Queues a task for the instance on its node (null before placement) in the caller's
     * transaction, with the steps already done there (e.g. quota and placement).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long enqueue(UUID instance, Long nodeId, TaskKind kind, Long target, String doneStep, String doneDetail) {
        Task task = new Task(instance, nodeId, kind, target);
        tasks.add(task);
        if (doneStep != null) {
            Instant now = Instant.now();
            TaskStep step = new TaskStep(task.id(), doneStep, now);
            step.end(TaskStep.Status.DONE, doneDetail, now);
            tasks.addStep(step);
        }
        return task.id();
    }

    /** Takes the oldest due task for this worker, if there is one, on none of the full nodes and none it holds. */
    public Optional<Long> claimNext(String worker, Set<Long> fullNodes, Set<Long> held) {
        for (long id : tasks.claimable(8, fullNodes, held)) {
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

    /**
     * Ends the leases of tasks a stopping worker let go of mid-step, so that the next server (a
     * redeployed portal) resumes them at once rather than when their leases would have run out.
     */
    public void releaseLeases(String worker, Set<Long> leftBehind) {
        for (long taskId : leftBehind) {
            tasks.renewLease(taskId, worker, 0);
        }
    }

    /** What a runner needs to know about a task it took, including which steps are already done. */
    public TaskContext.Snapshot snapshot(long taskId) {
        Task task = tasks.find(taskId).orElseThrow();
        List<TaskStep> steps = tasks.steps(taskId);
        List<String> done = steps.stream()
                .filter(step -> step.status() == TaskStep.Status.DONE)
                .map(TaskStep::step)
                .toList();
        return new TaskContext.Snapshot(taskId, task.instanceId(), task.kind(), task.target(), task.attempts(),
                task.waitingSince(), done, steps.stream().map(TaskStep::step).distinct().toList());
    }

    long stepStarted(long taskId, String step) {
        TaskStep row = new TaskStep(taskId, step, Instant.now());
        tasks.addStep(row);
        return row.id();
    }

    /** A step ended; one that got done means the node answers again: the task no longer waits for it. */
    void stepEnded(long stepId, TaskStep.Status outcome, String detail) {
        TaskStep step = tasks.findStep(stepId).orElseThrow();
        step.end(outcome, detail, Instant.now());
        if (outcome == TaskStep.Status.DONE) {
            tasks.stopWaiting(step.taskId());
        }
    }

    /** The task ended, if the worker still holds it: a run whose lease ran out does not end another's. */
    void finished(long taskId, String worker, TaskState outcome, String why) {
        tasks.lockHeld(taskId, worker).ifPresent(task -> task.finish(outcome, why));
    }

    void retryLater(long taskId, String worker, int delaySeconds, String why) {
        tasks.retryLater(taskId, worker, delaySeconds, why);
    }

    void waitForNode(long taskId, String worker, int delaySeconds, String why, Instant since) {
        tasks.waitForNode(taskId, worker, delaySeconds, why, since);
    }

    /** The node each task drives, for the tasks given. */
    java.util.Map<Long, Long> nodesOf(java.util.Collection<Long> taskIds) {
        return tasks.nodesOf(taskIds);
    }

    /** The instance's task history, newest first, with every step. */
    public List<TaskView> history(UUID instance, int limit) {
        return tasks.forInstance(instance, limit).stream()
                .map(task -> task.view(tasks.steps(task.id()).stream().map(TaskStep::view).toList()))
                .toList();
    }

    /** The tasks that failed since then, newest first: which instance, and the task as its history shows it. */
    public List<InstanceTask> failedSince(java.time.Instant since, int limit) {
        return tasks.failedSince(since, limit).stream()
                .map(task -> new InstanceTask(task.instanceId(), task.view(List.of())))
                .toList();
    }

    /** Tasks queued or running now, as "KIND/STATE" to how many. */
    public java.util.Map<String, Long> unfinishedByKindAndState() {
        return tasks.unfinishedByKindAndState();
    }

    public boolean hasUnfinished(UUID instance) {
        return tasks.hasUnfinished(instance);
    }
}
