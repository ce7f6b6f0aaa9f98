package cloud.minicloud.core.instance;

import cloud.minicloud.core.BackgroundWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Enforces the ends of subscription terms once a minute (a term ends to the minute, as ECS's do). */
@ApplicationScoped
public class SubscriptionSchedule extends BackgroundWork {

    private static final Logger LOG = Logger.getLogger(SubscriptionSchedule.class.getName());

    @Inject
    Subscriptions subscriptions;

    public SubscriptionSchedule() {
        super("enforcing subscription ends", Duration.ofMinutes(1), Duration.ofMinutes(1));
    }

    @Override
    protected void runOnce() {
        enforce();
    }

    /** Each due subscription in its own transaction: one that fails does not hold up the others. */
    private void enforce() {
        Instant now = Instant.now();
        for (java.util.UUID id : subscriptions.due(now)) {
            try {
                subscriptions.enforce(id, now);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "enforcing the end of subscription " + id + " failed; the next run tries again", e);
            }
        }
    }
}
