package cloud.minicloud.core.audit;

import cloud.minicloud.core.identity.AccessDeniedException;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.identity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * The stored audit log: appended by {@link AuditTrail} in a transaction of its own (after the
 * change's own has ended), read newest first by cloud admins (all of it) and tenant admins (their
 * tenant's lines only); kept for the configured retention.
 */
@ApplicationScoped
public class AuditLog {

    @Inject
    AuditRepository entries;

    @Inject
    cloud.minicloud.core.config.CloudSettings settings;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void append(AuditEntry entry) {
        entries.append(entry);
    }

    /** How far the feed has been read. */
    @Transactional
    public FeedMark mark(String feed) {
        return entries.lockFeed(feed).mark();
    }

    /**
     * Appends the sign-ins the feed has that are not in the log yet, and moves its mark past them,
     * in one transaction: a crash between the two cannot record one twice or lose one.
     */
    @Transactional
    public int appendSignIns(String feed, List<SignIn> read) {
        AuditFeed stored = entries.lockFeed(feed);
        FeedMark mark = stored.mark();
        List<SignIn> fresh = read.stream().filter(mark::isNew).toList();
        fresh.forEach(event -> entries.append(AuditEntry.signIn(event)));
        stored.move(mark.after(fresh));
        return fresh.size();
    }

    /** Removes what is older than the retention ({@code MINICLOUD_AUDIT_RETENTION_DAYS}); answers how many went. */
    @Transactional
    public int removeExpired(java.time.Instant now) {
        return entries.removeBefore(now.minus(settings.auditRetention()));
    }

    @Transactional
    public List<AuditEntryView> list(Caller caller, AuditQuery query, int offset, int limit) {
        return readable(caller, query).map(q -> entries.page(q, offset, limit).stream().map(AuditEntry::view).toList())
                .orElse(List.of());
    }

    @Transactional
    public long count(Caller caller, AuditQuery query) {
        return readable(caller, query).map(entries::count).orElse(0L);
    }

    /**
     * The search the caller may make: all of it for a cloud admin acting for no tenant, inside their
     * tenant for a tenant admin (another tenant's lines are simply not there: nothing).
     */
    private static Optional<AuditQuery> readable(Caller caller, AuditQuery query) {
        if (caller.isCloudWide()) {
            return Optional.of(query);
        }
        caller.require(Role.TENANT_ADMIN);
        String own = caller.tenant().orElseThrow(() -> new AccessDeniedException(caller.username() + " acts for no tenant"));
        return query.tenant() == null || query.tenant().equals(own) ? Optional.of(query.within(own)) : Optional.empty();
    }
}
