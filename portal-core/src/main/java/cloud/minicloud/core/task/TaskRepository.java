package cloud.minicloud.core.task;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Where tasks and their steps are kept, and the SQL that hands tasks to workers. */
public interface TaskRepository {

    void add(Task task);

    Optional<Task> find(long id);

    /**
     * Tasks a worker could take now, oldest first: queued ones that are due, and running ones
     * whose worker's lease ran out. Only the oldest unfinished task of each instance qualifies,
     * and of the moves away from a node only its oldest unfinished one (a drain moves its
     * instances one by one), and none on the nodes given (this server runs as many tasks on them as it may), nor the
     * tasks this server holds already (their lease may have run out while the database was away).
     */
    List<Long> claimable(int max, Set<Long> fullNodes, Set<Long> held);

    /** Takes the task for the worker with a fresh lease, unless another worker got it first. */
    boolean claim(long id, String worker, int leaseSeconds);

    /** Extends the task's lease, if the worker still holds it. */
    void renewLease(long taskId, String worker, int leaseSeconds);

    /** Puts a task the worker holds back in the queue, due after the delay, saying why (or null). */
    void retryLater(long id, String worker, int delaySeconds, String waiting);

    /**
     * Puts a task the worker holds back in the queue because its node did not answer: it waits
     * from {@code since}, or from when it began to wait if it already did.
     */
    void waitForNode(long id, String worker, int delaySeconds, String why, java.time.Instant since);

    /** The task, locked, if the worker still holds it (it is RUNNING under that worker's lease). */
    Optional<Task> lockHeld(long id, String worker);

    /** The task's node answered: it no longer waits for it. */
    void stopWaiting(long id);

    /** The node of each task given, for those that have one. */
    java.util.Map<Long, Long> nodesOf(java.util.Collection<Long> taskIds);

    void addStep(TaskStep step);

    Optional<TaskStep> findStep(long id);

    List<TaskStep> steps(long taskId);

    /** The instance's tasks, newest first. */
    List<Task> forInstance(UUID instance, int limit);

    /** The tasks that failed at or after {@code since}, newest first. */
    List<Task> failedSince(java.time.Instant since, int limit);

    /** Tasks queued or running now, as "KIND/STATE" to how many. */
    java.util.Map<String, Long> unfinishedByKindAndState();

    /** Whether the instance has a task that is queued or running. */
    boolean hasUnfinished(UUID instance);
}
