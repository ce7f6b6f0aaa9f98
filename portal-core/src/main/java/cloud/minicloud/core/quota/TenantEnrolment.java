package cloud.minicloud.core.quota;

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
        return tenants.findByAlias(alias)
                .filter(tenant -> quotas.find(tenant.id()).isPresent())
                .orElseGet(() -> enrol(alias));
    }

    private Tenant enrol(String alias) {
        Tenant tenant = tenants.enrol(alias);
        quotas.addIfAbsent(new Quota(tenant.id(), Quota.DEFAULT_LIMITS));
        return tenant;
    }
}
