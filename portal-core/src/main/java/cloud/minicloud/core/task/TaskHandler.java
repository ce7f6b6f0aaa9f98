package cloud.minicloud.core.task;

/** Carries out tasks: the steps of each kind and how to undo them. */
public interface TaskHandler {

    /** Runs the task's steps through {@link TaskContext#step}; steps done before a crash are skipped. */
    void run(TaskContext task);

    /** Undoes what the task did after it failed for good; must be safe to run more than once. */
    void compensate(TaskContext task, RuntimeException failure);
}
