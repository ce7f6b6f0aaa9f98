package cloud.minicloud.core;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * {@link AfterCommit} on the application server: a JTA synchronization hands the work to a managed
 * executor (afterCompletion still runs with the finished transaction on the thread, where nothing
 * transactional may be called).
 */
@ApplicationScoped
public class JtaAfterCommit implements AfterCommit {

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    @Resource
    ManagedExecutorService executor;

    @Override
    public void run(Runnable work) {
        if (transactions.getTransactionKey() == null) {
            executor.execute(work);
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    executor.execute(work);
                }
            }
        });
    }
}
