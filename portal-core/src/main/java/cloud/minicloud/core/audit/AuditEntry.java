package cloud.minicloud.core.audit;

import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.identity.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.Collectors;

/** One line of the audit log, written once and never changed. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    /** The action of a sign-in line. */
    public static final String SIGN_IN = "Keycloak.signIn";

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

    @Column(updatable = false)
    private String roles;

    @Column(name = "client_address", updatable = false)
    private String clientAddress;

    @Column(name = "request_id", updatable = false)
    private String requestId;

    protected AuditEntry() {
    }

    AuditEntry(Caller caller, String action, String targets, boolean done, String reason) {
        this.at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        this.username = caller.username();
        this.tenant = caller.tenantAlias();
        this.roles = caller.roles().stream().map(Role::realmName).sorted().collect(Collectors.joining(","));
        this.clientAddress = caller.origin().clientAddress();
        this.requestId = caller.origin().requestId();
        this.action = action;
        this.targets = cut(targets, 512);
        this.outcome = done ? "DONE" : "REFUSED";
        this.reason = reason == null ? null : cut(reason, 1024);
    }

    /** Files a cloud admin's change under the tenant whose resource it changed. */
    void underTenant(String owner) {
        tenant = owner;
    }

    /** A sign-in at Keycloak, or a failed one: its event id stands for the request id. */
    static AuditEntry signIn(SignIn event) {
        AuditEntry entry = new AuditEntry();
        entry.at = event.at().truncatedTo(ChronoUnit.MILLIS);
        entry.username = cut(event.username() == null ? "(unknown)" : event.username(), 255);
        entry.roles = "";
        entry.clientAddress = event.address() == null ? null : cut(event.address(), 64);
        entry.requestId = cut("keycloak-" + event.id(), 64);
        entry.action = SIGN_IN;
        entry.targets = event.client() == null ? "" : cut(event.client(), 512);
        entry.outcome = event.succeeded() ? "DONE" : "REFUSED";
        entry.reason = event.succeeded() ? null : cut(event.error(), 1024);
        return entry;
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    AuditEntryView view() {
        return new AuditEntryView(id, at, username, tenant, roles, clientAddress, requestId, action, targets,
                outcome, reason);
    }
}
