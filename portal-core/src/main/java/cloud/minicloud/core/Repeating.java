package cloud.minicloud.core;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Background work done again and again on a managed thread of its own (rating, the ends of
 * subscriptions, audit retention): each run a period after the last one ended, so runs never
 * overlap; a run that fails is logged and the next one comes (the database may be back by then).
 */
public final class Repeating implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Repeating.class.getName());

    private final ScheduledExecutorService ticks;

    private Repeating(ScheduledExecutorService ticks) {
        this.ticks = ticks;
    }

    /** Starts {@code job} (named by {@code what} in the log) after {@code first}, then every {@code period}. */
    public static Repeating every(ManagedThreadFactory threads, Duration first, Duration period, String what, Runnable job) {
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(threads);
        ticks.scheduleWithFixedDelay(() -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                // A throw would end the schedule.
                LOG.log(Level.WARNING, what + " failed; the next run tries again", e);
            }
        }, first.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return new Repeating(ticks);
    }

    @Override
    public void close() {
        ticks.shutdownNow();
    }
}
