package cloud.minicloud.billing.cost;

import cloud.minicloud.billing.rating.RatingRun;
import cloud.minicloud.billing.rating.RatingStore;
import cloud.minicloud.core.InvalidRequestException;
import cloud.minicloud.core.config.CloudSettings;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.identity.Role;
import cloud.minicloud.core.tenant.Tenant;
import cloud.minicloud.core.tenant.TenantRepository;
import cloud.minicloud.core.usage.UsageKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Cloud admins: every tenant's costs of a month, from the rated hours (every tenant is brought up
 * to the last whole hour first; the hour under way shows in the tenant's own Costs).
 */
@ApplicationScoped
public class Chargeback {

    @Inject
    RatingRun ratings;

    @Inject
    RatingStore store;

    @Inject
    TenantRepository tenants;

    @Inject
    CloudSettings settings;

    public ChargebackReport of(Caller caller, YearMonth month) {
        caller.require(Role.CLOUD_ADMIN);
        if (month.isAfter(YearMonth.now(settings.billing().zone()))) {
            throw new InvalidRequestException("month " + month + " has not begun; ask for this month or an earlier one");
        }
        Instant now = Instant.now();
        ratings.rate(store.tenantsToRate(now), now, tenant -> { }).values().stream().findFirst().ifPresent(failure -> {
            throw failure;
        });
        Instant start = settings.billing().startOf(month);
        Instant end = settings.billing().startOf(month.plusMonths(1));
        Map<Long, Map<UsageKind, BigDecimal>> totals = store.totalsByTenant(start, end);
        Map<Long, Tenant> named = tenants.findAll(totals.keySet());
        List<ChargebackReport.TenantCharge> rows = totals.entrySet().stream()
                .map(e -> charge(named.get(e.getKey()), e.getValue()))
                .sorted(Comparator.comparing(ChargebackReport.TenantCharge::total).reversed()
                        .thenComparing(ChargebackReport.TenantCharge::tenant))
                .toList();
        BigDecimal total = rows.stream().map(ChargebackReport.TenantCharge::total).reduce(BigDecimal.ZERO.setScale(6), BigDecimal::add);
        return new ChargebackReport(month, settings.billing().currency().getCurrencyCode(), settings.billing().symbol(), rows, total);
    }

    private ChargebackReport.TenantCharge charge(Tenant tenant, Map<UsageKind, BigDecimal> byKind) {
        BigDecimal zero = BigDecimal.ZERO.setScale(6);
        BigDecimal compute = byKind.getOrDefault(UsageKind.COMPUTE, zero);
        BigDecimal disks = byKind.getOrDefault(UsageKind.DISK, zero);
        BigDecimal images = byKind.getOrDefault(UsageKind.IMAGE, zero);
        BigDecimal subscriptions = byKind.getOrDefault(UsageKind.SUBSCRIPTION, zero);
        return new ChargebackReport.TenantCharge(tenant.alias(), tenant.displayName(), compute, disks, images, subscriptions,
                compute.add(disks).add(images).add(subscriptions));
    }
}
