package cloud.minicloud.core;

/**
 * Runs work once the current transaction has committed, on a thread of its own: how the core
 * acts on nodes and tells watchers after recording an intent, never inside the transaction.
 */
public interface AfterCommit {

    /** Runs the work after the current transaction commits (never if it rolls back), or soon if there is none. */
    void run(Runnable work);
}
