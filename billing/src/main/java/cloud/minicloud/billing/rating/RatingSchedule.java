package cloud.minicloud.billing.rating;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Rates every tenant's finished hours a few minutes after each hour, one tenant per transaction,
 * and closes the statements of months that are over.
 */
@ApplicationScoped
public class RatingSchedule {

    private static final Logger LOG = Logger.getLogger(RatingSchedule.class.getName());
    private static final long EVERY_MINUTES = 10;

    @Resource
    ManagedThreadFactory managedThreads;

    @Inject
    RatingRun ratings;

    @Inject
    RatingStore store;

    @Inject
    cloud.minicloud.billing.statement.Statements statements;

    private ScheduledExecutorService ticks;

    public synchronized void start() {
        if (ticks == null) {
            ticks = Executors.newSingleThreadScheduledExecutor(managedThreads);
            ticks.scheduleWithFixedDelay(this::rateAll, 1, EVERY_MINUTES, TimeUnit.MINUTES);
        }
    }

    /** Every tenant with usage, rated up to now; one tenant failing does not hold up the others. */
    void rateAll() {
        try {
            Instant now = Instant.now();
            ratings.rate(store.tenantsWithUsage(), now, tenant -> statements.due(tenant, now)
                    .forEach(month -> statements.close(tenant, month)))
                    .forEach((tenant, e) -> LOG.log(Level.WARNING, "rating tenant " + tenant + " failed; the next run tries again", e));
        } catch (RuntimeException e) {
            // A throw would end the schedule: the database may be back by the next run.
            LOG.log(Level.WARNING, "rating could not start; the next run tries again", e);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (ticks != null) {
            ticks.shutdownNow();
        }
    }
}
