package cloud.minicloud.core.quota;

import cloud.minicloud.core.ConflictException;
import cloud.minicloud.core.tenant.Tenant;
import cloud.minicloud.core.tenant.TenantNotFoundException;
import cloud.minicloud.core.tenant.TenantProfile;
import cloud.minicloud.core.tenant.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** The database side of making and deleting tenants, each step in a transaction of its own. */
@ApplicationScoped
@Transactional
public class TenantRecords {

    /** What a tenant owns, as its quota counts it: the rest (vCPUs, GiB) comes with these. */
    private static final Set<ResourceKind> OWNED = EnumSet.of(ResourceKind.INSTANCES, ResourceKind.NETWORKS, ResourceKind.IMAGES);

    @Inject
    TenantRepository tenants;

    @Inject
    QuotaRepository quotas;

    /** Refuses an alias a tenant has or had: a deleted tenant's history still names it. */
    public void requireAliasFree(String alias) {
        tenants.findByAlias(alias).ifPresent(tenant -> {
            throw new ConflictException("name-taken", tenant.isDeleted()
                    ? "the alias '" + alias + "' belonged to a tenant deleted on " + tenant.deletedAt() + "; choose another"
                    : "a tenant with the alias '" + alias + "' exists already");
        });
    }

    public QuotaView add(TenantProfile profile) {
        Tenant tenant = tenants.enrol(profile.alias());
        tenant.describe(profile);
        quotas.addIfAbsent(new Quota(tenant.id(), Quota.DEFAULT_LIMITS));
        Quota quota = quotas.find(tenant.id()).orElseThrow();
        return QuotaView.of(tenant.alias(), quota);
    }

    public Tenant live(String alias) {
        return tenants.findByAlias(alias).filter(tenant -> !tenant.isDeleted())
                .orElseThrow(() -> new TenantNotFoundException(alias));
    }

    /**
     * Marks a tenant that owns nothing deleted, and closes its orders under the quota's lock so that
     * an order racing this one is refused. A tenant deleted already is left as it is.
     *
     * @return false when it was deleted already
     */
    public boolean markDeleted(String alias) {
        Tenant tenant = tenants.findByAlias(alias).orElseThrow(() -> new TenantNotFoundException(alias));
        if (tenant.isDeleted()) {
            return false;
        }
        Quota quota = quotas.findForUpdate(tenant.id()).orElseThrow(() -> new TenantNotFoundException(alias));
        String owned = OWNED.stream().filter(kind -> quota.used().of(kind) > 0)
                .map(kind -> kind.label() + ": " + quota.used().of(kind)).collect(Collectors.joining(", "));
        if (!owned.isEmpty()) {
            throw new ConflictException("in-use", "the tenant '" + alias + "' still owns " + owned
                    + "; its members or a cloud admin delete them first");
        }
        Instant now = Instant.now();
        quota.closeOrders("the tenant '" + alias + "' was deleted by a cloud admin on " + now);
        tenant.markDeleted(now);
        return true;
    }

    /**
     * Closes or opens a live tenant's orders under its quota's lock, so no order passes once this
     * commits; its members keep seeing and operating what they have.
     *
     * @param reason what a cloud admin said (may be blank), or null to open orders again
     */
    public QuotaView closeOrders(String alias, String reason) {
        Quota quota = quotas.findForUpdate(live(alias).id()).orElseThrow(() -> new TenantNotFoundException(alias));
        if (reason == null) {
            quota.reopenOrders();
        } else {
            quota.closeOrders("the tenant '" + alias + "' was disabled by a cloud admin on " + Instant.now()
                    + (reason.isBlank() ? "" : " (" + reason.strip() + ")")
                    + ": it takes no new orders, what runs keeps running; ask a cloud admin to enable it");
        }
        return QuotaView.of(alias, quota);
    }
}
