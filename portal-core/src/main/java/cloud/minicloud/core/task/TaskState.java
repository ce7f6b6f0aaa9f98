package cloud.minicloud.core.task;

/** Where a task is: waiting, being run, or finished one of three ways. */
public enum TaskState {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    /** It failed and what it had done was undone. */
    FAILED,
    /** Another task (a delete) made it moot before it finished. */
    CANCELLED
}
