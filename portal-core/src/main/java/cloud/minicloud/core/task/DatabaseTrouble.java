package cloud.minicloud.core.task;

/**
 * Tells a failure of the database (gone, restarting, a lost connection, a deadlock) from a failure
 * of the task: the first must not undo what the node already did, the task is simply resumed.
 */
final class DatabaseTrouble {

    private DatabaseTrouble() {
    }

    static boolean in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException
                    || cause instanceof jakarta.persistence.PersistenceException
                    || cause instanceof jakarta.transaction.TransactionalException
                    || cause instanceof jakarta.transaction.RollbackException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
