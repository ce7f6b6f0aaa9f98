package cloud.minicloud.billing.rating;

import cloud.minicloud.core.BackgroundWork;
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
public class RatingSchedule extends BackgroundWork {

    private static final Logger LOG = Logger.getLogger(RatingSchedule.class.getName());
    private static final Duration EVERY = Duration.ofMinutes(10);

    @Inject
    RatingRun ratings;

    @Inject
    RatingStore store;

    @Inject
    cloud.minicloud.billing.statement.Statements statements;

    public RatingSchedule() {
        super("rating", Duration.ofMinutes(1), EVERY);
    }

    @Override
    protected void runOnce() {
        rateAll();
    }

    /** Every tenant with usage, rated up to now; one tenant failing does not hold up the others. */
    void rateAll() {
        Instant now = Instant.now();
        ratings.rate(store.tenantsWithUsage(), now, tenant -> statements.due(tenant, now)
                        .forEach(month -> statements.close(tenant, month)))
                .forEach((tenant, e) -> LOG.log(Level.WARNING, "rating tenant " + tenant + " failed; the next run tries again", e));
    }
}
