package cloud.minicloud.core.instance;

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

/** Enforces the ends of subscription terms once a minute (a term ends to the minute, as ECS's do). */
@ApplicationScoped
public class SubscriptionSchedule {

    private static final Logger LOG = Logger.getLogger(SubscriptionSchedule.class.getName());

    @Resource
    ManagedThreadFactory managedThreads;

    @Inject
    Subscriptions subscriptions;

    private ScheduledExecutorService ticks;

    public synchronized void start() {
        if (ticks == null) {
            ticks = Executors.newSingleThreadScheduledExecutor(managedThreads);
            ticks.scheduleWithFixedDelay(this::enforce, 1, 1, TimeUnit.MINUTES);
        }
    }

    /** Each due subscription in its own transaction: one that fails does not hold up the others. */
    private void enforce() {
        try {
            Instant now = Instant.now();
            for (java.util.UUID id : subscriptions.due(now)) {
                try {
                    subscriptions.enforce(id, now);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "enforcing the end of subscription " + id + " failed; the next run tries again", e);
                }
            }
        } catch (RuntimeException e) {
            // A throw would end the schedule: the database may be back by the next run.
            LOG.log(Level.WARNING, "enforcing subscription ends failed; the next run tries again", e);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (ticks != null) {
            ticks.shutdownNow();
        }
    }
}
