package cloud.minicloud.core.audit;

import cloud.minicloud.core.identity.AuthorizationFailure;
import cloud.minicloud.core.identity.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes audit lines to the {@link AuditLog} and the logger {@code minicloud.audit}: for audited
 * use cases (through {@link AuditTrail}) and for callers refused anywhere else (a page, a read).
 */
@ApplicationScoped
public class AuditWriter {

    private static final Logger AUDIT = Logger.getLogger("minicloud.audit");

    @Inject
    AuditLog log;

    /**
     * A caller refused for want of a role or a tenant, with what they tried ({@code GET /api/v1/...},
     * {@code open admin/instances}); recorded once, however many layers see the refusal.
     */
    public void refused(Caller caller, String action, AuthorizationFailure refusal) {
        if (!refusal.recorded()) {
            refusal.markRecorded();
            write(new AuditEntry(caller, action, "", false, refusal.getMessage()),
                    AuditTrail.line(caller, action, "") + "refused: " + refusal.getMessage());
        }
    }

    /**
     * A request refused before any use case saw it (an ECS API call whose AccessKey or signature
     * did not hold), on what it named.
     */
    public void refused(Caller caller, String action, String targets, String reason) {
        write(new AuditEntry(caller, action, targets, false, reason), AuditTrail.line(caller, action, targets) + "refused: " + reason);
    }

    /** Stores the line; where the database cannot take it now, the server log still has it. */
    void write(AuditEntry entry, String line) {
        AUDIT.info(line);
        try {
            log.append(entry);
        } catch (RuntimeException e) {
            AUDIT.log(Level.WARNING, "could not store the audit line above", e);
        }
    }
}
