package cloud.minicloud.core.audit;

import cloud.minicloud.core.identity.AccessDeniedException;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.identity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The stored audit log: appended by {@link AuditTrail} in a transaction of its own (after the
 * change's own has ended), read newest first by cloud admins (all of it) and tenant admins (their
 * tenant's lines only).
 */
@ApplicationScoped
public class AuditLog {

    @Inject
    AuditRepository entries;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void append(AuditEntry entry) {
        entries.append(entry);
    }

    @Transactional
    public List<AuditEntryView> list(Caller caller, int offset, int limit) {
        return entries.page(readable(caller), offset, limit).stream().map(AuditEntry::view).toList();
    }

    @Transactional
    public long count(Caller caller) {
        return entries.count(readable(caller));
    }

    /** The tenant whose lines the caller reads, or null for all of them (a cloud admin acting for no tenant). */
    private static String readable(Caller caller) {
        if (caller.has(Role.CLOUD_ADMIN) && caller.tenant().isEmpty()) {
            return null;
        }
        caller.require(Role.TENANT_ADMIN);
        return caller.tenant().orElseThrow(() -> new AccessDeniedException(caller.username() + " acts for no tenant"));
    }
}
