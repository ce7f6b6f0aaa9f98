package cloud.minicloud.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.minicloud.core.audit.AuditEntry;
import cloud.minicloud.core.audit.AuditLog;
import cloud.minicloud.core.audit.AuditQuery;
import cloud.minicloud.core.audit.AuditRepository;
import cloud.minicloud.core.config.CloudSettings;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.identity.Role;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The audit log keeps entries for the configured retention (365 days here) and no longer, in MariaDB. */
@ExtendWith(ArquillianExtension.class)
class AuditRetentionIT {

    private static final Caller ADMIN = new Caller("admin", null, Set.of(Role.CLOUD_ADMIN));

    @Deployment
    static WebArchive deployment() {
        return CoreDeployment.war("audit-retention-it.war");
    }

    @Inject
    AuditLog log;

    @Inject
    AuditRepository entries;

    @Inject
    CloudSettings settings;

    @Inject
    UserTransaction transaction;

    @Test
    void entries_older_than_the_retention_leave_the_log_and_younger_ones_stay() throws Exception {
        String mark = "retention-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant edge = now.minus(settings.auditRetention());
        append(mark, edge.minus(Duration.ofDays(1)));
        append(mark, edge.plus(Duration.ofDays(1)));
        AuditQuery ours = new AuditQuery(null, null, null, mark, null, null, null, null);
        assertEquals(2, log.count(ADMIN, ours));

        assertTrue(log.removeExpired(now) >= 1);
        assertEquals(1, log.count(ADMIN, ours), "the entry a day past the retention went, the one a day inside stayed");
        assertEquals(edge.plus(Duration.ofDays(1)), log.list(ADMIN, ours, 0, 10).get(0).at());
    }

    /** An entry as the trail writes one, dated as if written then. */
    private void append(String target, Instant at) throws Exception {
        var make = AuditEntry.class.getDeclaredConstructor(Caller.class, String.class, String.class, boolean.class, String.class);
        make.setAccessible(true);
        AuditEntry entry = make.newInstance(ADMIN, "AuditRetentionIT.append", target, true, null);
        var when = AuditEntry.class.getDeclaredField("at");
        when.setAccessible(true);
        when.set(entry, at);
        transaction.begin();
        entries.append(entry);
        transaction.commit();
    }
}
