package cloud.minicloud.billing.rating;

import cloud.minicloud.core.Repeating;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every 10 minutes rates every tenant's finished hours, one tenant per transaction, and closes the
 * statements of months that are over.
 */
@ApplicationScoped
public class RatingSchedule {

    private static final Logger LOG = Logger.getLogger(RatingSchedule.class.getName());
    private static final Duration EVERY = Duration.ofMinutes(10);

    @Resource
    ManagedThreadFactory managedThreads;

    @Inject
    RatingRun ratings;

    @Inject
    RatingStore store;

    @Inject
    cloud.minicloud.billing.statement.Statements statements;

    private Repeating ticks;

    public synchronized void start() {
        if (ticks == null) {
            ticks = Repeating.every(managedThreads, Duration.ofMinutes(1), EVERY, "rating", this::rateAll);
        }
    }

    /** Every tenant with usage, rated up to now; one tenant failing does not hold up the others. */
    void rateAll() {
        Instant now = Instant.now();
        ratings.rate(store.tenantsWithUsage(), now, tenant -> statements.due(tenant, now)
                        .forEach(month -> statements.close(tenant, month)))
                .forEach((tenant, e) -> LOG.log(Level.WARNING, "rating tenant " + tenant + " failed; the next run tries again", e));
    }

    @PreDestroy
    synchronized void stop() {
        if (ticks != null) {
            ticks.close();
        }
    }
}
