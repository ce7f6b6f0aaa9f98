package cloud.minicloud.core.task;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where tasks and their steps are kept, and the SQL that hands tasks to workers. */
public interface TaskRepository {

    void add(Task task);

    Optional<Task> find(long id);

    /**
     * Tasks a worker could take now, oldest first: queued ones that are due, and running ones
     * whose worker's lease ran out. Only the oldest unfinished task of each instance qualifies.
     */
    List<Long> claimable(int max);

    /** Takes the task for the worker with a fresh lease, unless another worker got it first. */
    boolean claim(long id, String worker, int leaseSeconds);

    /** Extends the task's lease, if the worker still holds it. */
    void renewLease(long taskId, String worker, int leaseSeconds);

    /** Puts a task back in the queue, due after the delay. */
    void retryLater(long id, int delaySeconds);

    void addStep(TaskStep step);

    Optional<TaskStep> findStep(long id);

    List<TaskStep> steps(long taskId);

    /** The instance's tasks, newest first. */
    List<Task> forInstance(UUID instance, int limit);

    /** Whether the instance has a task that is queued or running. */
    boolean hasUnfinished(UUID instance);
}
