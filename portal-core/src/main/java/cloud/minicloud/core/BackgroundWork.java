package cloud.minicloud.core;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.time.Duration;

/**
 * A bean whose job runs in the background again and again, from {@link #start()} until the server
 * stops, on a managed thread of its own ({@link Repeating}): rating, the ends of subscriptions,
 * audit retention, sign-ins, the roles of invitations taken up.
 */
public abstract class BackgroundWork {

    @Resource
    ManagedThreadFactory managedThreads;

    private final String what;
    private final Duration first;
    private final Duration period;
    private Repeating ticks;

    /**
     * @param what   what the log calls it when a run fails
     * @param first  how long after start the first run comes
     * @param period how long after each run the next one comes
     */
    protected BackgroundWork(String what, Duration first, Duration period) {
        this.what = what;
        this.first = first;
        this.period = period;
    }

    /** One run; one that throws is logged and the next run comes all the same. */
    protected abstract void runOnce();

    public synchronized void start() {
        if (ticks == null) {
            ticks = Repeating.every(managedThreads, first, period, what, this::runOnce);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (ticks != null) {
            ticks.close();
        }
    }
}
