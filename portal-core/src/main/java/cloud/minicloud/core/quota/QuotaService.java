package cloud.minicloud.core.quota;

import cloud.minicloud.core.audit.Audited;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.identity.Role;
import cloud.minicloud.core.tenant.Tenant;
import cloud.minicloud.core.tenant.TenantNotFoundException;
import cloud.minicloud.core.tenant.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** Use cases around tenants and their quotas: seeing one's own, and a cloud admin managing all. */
@ApplicationScoped
@Transactional
public class QuotaService {

    @Inject
    TenantRepository tenants;

    @Inject
    QuotaRepository quotas;

    @Inject
    TenantEnrolment enrolment;

    /** The caller's own tenant's quota (a member's first call adds the tenant). */
    public QuotaView quotaOf(Caller caller) {
        Tenant tenant = enrolment.tenantOf(caller);
        Quota quota = quotas.find(tenant.id()).orElseThrow();
        return QuotaView.of(tenant.alias(), quota);
    }

    /** Every tenant's quota, for a cloud admin, a page at a time. */
    public List<QuotaView> tenantQuotas(Caller caller, int offset, int limit) {
        caller.require(Role.CLOUD_ADMIN);
        return quotas.page(offset, limit);
    }

    public long tenantCount(Caller caller) {
        caller.require(Role.CLOUD_ADMIN);
        return quotas.countTenants();
    }

    /** For a cloud admin's overview: the tenants using 80 % or more of some limit (at most 20). */
    public List<QuotaView> nearLimit(Caller caller) {
        caller.require(Role.CLOUD_ADMIN);
        return quotas.nearLimit(80, 20);
    }

    /** One tenant's quota, for a cloud admin. */
    public QuotaView quotaOfTenant(Caller caller, String tenantAlias) {
        caller.require(Role.CLOUD_ADMIN);
        Tenant tenant = tenants.findByAlias(tenantAlias).orElseThrow(() -> new TenantNotFoundException(tenantAlias));
        Quota quota = quotas.find(tenant.id()).orElseThrow(() -> new TenantNotFoundException(tenantAlias));
        return QuotaView.of(tenantAlias, quota);
    }

    /** A cloud admin sets a tenant's limits; they may be below current use (nothing is taken away). */
    @Audited
    public QuotaView changeLimits(Caller caller, String tenantAlias, ResourceAmounts limits) {
        caller.require(Role.CLOUD_ADMIN);
        Tenant tenant = tenants.findByAlias(tenantAlias).orElseThrow(() -> new TenantNotFoundException(tenantAlias));
        Quota quota = quotas.findForUpdate(tenant.id()).orElseThrow(() -> new TenantNotFoundException(tenantAlias));
        quota.changeLimits(limits);
        return QuotaView.of(tenantAlias, quota);
    }
}
