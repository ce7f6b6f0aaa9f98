package cloud.minicloud.billing.cost;

import cloud.minicloud.billing.Sql;
import cloud.minicloud.core.InvalidRequestException;
import cloud.minicloud.core.NotFoundException;
import cloud.minicloud.core.audit.Audited;
import cloud.minicloud.core.config.CloudSettings;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.identity.Role;
import cloud.minicloud.core.quota.TenantEnrolment;
import cloud.minicloud.core.tenant.Tenant;
import cloud.minicloud.core.tenant.TenantRepository;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import javax.sql.DataSource;

/**
 * Per-tenant monthly budgets: a cloud admin sets or removes one; the tenant's members see this
 * month's costs against it, warned at 80 % and 100 %. A budget warns; it stops nothing.
 */
@ApplicationScoped
public class Budgets {

    static final BigDecimal MAX = new BigDecimal("100000000");

    @Resource(lookup = "java:jboss/datasources/MinicloudDS")
    DataSource database;

    @Inject
    TenantEnrolment enrolment;

    @Inject
    TenantRepository tenants;

    @Inject
    Costs costs;

    @Inject
    CloudSettings settings;

    /** The caller's tenant: this month's costs against its budget. */
    public BudgetStatus status(Caller caller) {
        LocalDate today = LocalDate.now(settings.billing().zone());
        return status(caller, costs.of(caller, today.withDayOfMonth(1), today));
    }

    /** The same from this month's costs so far that the caller already has (a page showing them rates once). */
    public BudgetStatus status(Caller caller, CostReport monthSoFar) {
        Tenant tenant = enrolment.tenantOf(caller);
        return BudgetStatus.of(YearMonth.from(monthSoFar.from()), monthSoFar.currency(), budgetOf(tenant.id()),
                monthSoFar.total());
    }

    /** Sets a tenant's monthly budget in the cloud's currency (0.01 to 100,000,000 with 2 decimals), or removes it (null). */
    @Audited
    public void set(Caller caller, String tenantAlias, BigDecimal monthlyAmount) {
        caller.require(Role.CLOUD_ADMIN);
        Tenant tenant = live(tenantAlias);
        if (monthlyAmount == null) {
            Sql.update(database, "DELETE FROM budget WHERE tenant_id = ?", tenant.id());
            return;
        }
        check(monthlyAmount);
        Sql.update(database, "INSERT INTO budget (tenant_id, monthly_amount, set_by, set_at) VALUES (?, ?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE monthly_amount = VALUES(monthly_amount), set_by = VALUES(set_by),"
                        + " set_at = VALUES(set_at)",
                tenant.id(), monthlyAmount, caller.username(), Timestamp.from(Instant.now()));
    }

    /** Refuses an amount no budget can have (0.01 to 100,000,000 with 2 decimals). */
    public static void check(BigDecimal monthlyAmount) {
        if (monthlyAmount.signum() <= 0 || monthlyAmount.compareTo(MAX) > 0 || monthlyAmount.stripTrailingZeros().scale() > 2) {
            throw new InvalidRequestException("monthlyAmount is 0.01 to " + MAX.toPlainString()
                    + " with at most 2 decimals; send null to remove the budget");
        }
    }

    /** A tenant's monthly budget, for a cloud admin (null: none). */
    public BigDecimal of(Caller caller, String tenantAlias) {
        caller.require(Role.CLOUD_ADMIN);
        Tenant tenant = live(tenantAlias);
        return budgetOf(tenant.id());
    }

    private Tenant live(String alias) {
        return tenants.findByAlias(alias).filter(t -> !t.isDeleted()).orElseThrow(() -> new NotFoundException("tenant", alias));
    }

    private BigDecimal budgetOf(long tenantId) {
        return Sql.first(database, "SELECT monthly_amount FROM budget WHERE tenant_id = ?", r -> r.getBigDecimal(1), tenantId);
    }
}
