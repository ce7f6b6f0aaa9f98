package cloud.minicloud.core.audit;

import cloud.minicloud.core.Repeating;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/** Every six hours, the audit entries older than the retention leave the log (the only way any do). */
@ApplicationScoped
public class AuditRetention {

    private static final Logger LOG = Logger.getLogger(AuditRetention.class.getName());

    @Resource
    ManagedThreadFactory managedThreads;

    @Inject
    AuditLog log;

    private Repeating ticks;

    public synchronized void start() {
        if (ticks == null) {
            ticks = Repeating.every(managedThreads, Duration.ofMinutes(5), Duration.ofHours(6), "audit retention", () -> {
                int removed = log.removeExpired(Instant.now());
                if (removed > 0) {
                    LOG.info(removed + " audit entries older than the retention removed");
                }
            });
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (ticks != null) {
            ticks.close();
        }
    }
}
