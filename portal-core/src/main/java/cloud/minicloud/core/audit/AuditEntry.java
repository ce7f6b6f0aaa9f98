package cloud.minicloud.core.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** One line of the audit log, written once and never changed. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;

    @Column(updatable = false)
    private Instant at;

    @Column(updatable = false)
    private String username;

    @Column(updatable = false)
    private String tenant;

    @Column(updatable = false)
    private String action;

    @Column(updatable = false)
    private String targets;

    @Column(updatable = false)
    private String outcome;

    @Column(updatable = false)
    private String reason;

    protected AuditEntry() {
    }

    AuditEntry(String username, String tenant, String action, String targets, boolean done, String reason) {
        this.at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        this.username = username;
        this.tenant = tenant;
        this.action = action;
        this.targets = cut(targets, 512);
        this.outcome = done ? "DONE" : "REFUSED";
        this.reason = reason == null ? null : cut(reason, 1024);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    AuditEntryView view() {
        return new AuditEntryView(id, at, username, tenant, action, targets, outcome, reason);
    }
}
