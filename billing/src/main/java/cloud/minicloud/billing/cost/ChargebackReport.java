package cloud.minicloud.billing.cost;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/** What every tenant's usage cost in a month, for chargeback: a row per tenant, dearest first, and the cloud's total. */
public record ChargebackReport(YearMonth month, String currency, String currencySymbol, List<TenantCharge> tenants,
                               BigDecimal total) {

    /** One tenant's month: compute, disks, custom images, subscriptions bought and their sum. */
    public record TenantCharge(String tenant, String displayName, BigDecimal compute, BigDecimal disks, BigDecimal images,
                               BigDecimal subscriptions, BigDecimal total) {
    }
}
