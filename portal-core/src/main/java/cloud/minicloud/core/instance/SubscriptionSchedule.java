package cloud.minicloud.core.instance;

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

/** Enforces the ends of subscription terms once a minute (a term ends to the minute, as ECS's do). */
@ApplicationScoped
public class SubscriptionSchedule {

    private static final Logger LOG = Logger.getLogger(SubscriptionSchedule.class.getName());

    @Resource
    ManagedThreadFactory managedThreads;

    @Inject
    Subscriptions subscriptions;

    private Repeating ticks;

    public synchronized void start() {
        if (ticks == null) {
            ticks = Repeating.every(managedThreads, Duration.ofMinutes(1), Duration.ofMinutes(1), "enforcing subscription ends",
                    this::enforce);
        }
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

    @PreDestroy
    synchronized void stop() {
        if (ticks != null) {
            ticks.close();
        }
    }
}
