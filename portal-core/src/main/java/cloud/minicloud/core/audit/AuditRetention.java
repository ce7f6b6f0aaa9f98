package cloud.minicloud.core.audit;

import cloud.minicloud.core.BackgroundWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/** Every six hours, the audit entries older than the retention leave the log (the only way any do). */
@ApplicationScoped
public class AuditRetention extends BackgroundWork {

    private static final Logger LOG = Logger.getLogger(AuditRetention.class.getName());

    @Inject
    AuditLog log;

    public AuditRetention() {
        super("audit retention", Duration.ofMinutes(5), Duration.ofHours(6));
    }

    @Override
    protected void runOnce() {
        int removed = log.removeExpired(Instant.now());
        if (removed > 0) {
            LOG.info(removed + " audit entries older than the retention removed");
        }
    }
}
