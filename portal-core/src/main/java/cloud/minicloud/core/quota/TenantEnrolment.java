package cloud.minicloud.core.quota;

import cloud.minicloud.core.identity.AccessDeniedException;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.tenant.Tenant;
import cloud.minicloud.core.tenant.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The caller's tenant, added with the default quota on a member's first call: that is how tenants
 * come to exist here. Concurrent first calls add it once.
 */
@ApplicationScoped
@Transactional
public class TenantEnrolment {

    @Inject
    TenantRepository tenants;

    @Inject
    QuotaRepository quotas;

    public Tenant tenantOf(Caller caller) {
        String alias = caller.requireTenant();
        Tenant tenant = tenants.findByAlias(alias)
                .filter(known -> quotas.find(known.id()).isPresent())
                .orElseGet(() -> enrol(alias));
        if (tenant.isDeleted()) {
            throw new AccessDeniedException("the tenant '" + alias + "' was deleted by a cloud admin on "
                    + tenant.deletedAt() + "; ask a cloud admin");
        }
        return tenant;
    }

    private Tenant enrol(String alias) {
        Tenant tenant = tenants.enrol(alias);
        quotas.addIfAbsent(new Quota(tenant.id(), Quota.DEFAULT_LIMITS));
        return tenant;
    }
}
