package cloud.minicloud.billing.cost;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A tenant's costs over the days from {@code from} to {@code to} (both included), in the cloud's
 * currency: a line per resource and price, the amount of each day, and the total.
 */
public record CostReport(String tenant, String currency, String currencySymbol, LocalDate from, LocalDate to,
                         List<CostLine> lines, List<DayCost> days, BigDecimal total) {

    /** What one day cost. */
    public record DayCost(LocalDate day, BigDecimal amount) {
    }

    /** The total of each meter (compute, disk, image), for a breakdown by resource type. */
    public java.util.Map<cloud.minicloud.core.usage.UsageKind, BigDecimal> byKind() {
        java.util.Map<cloud.minicloud.core.usage.UsageKind, BigDecimal> totals = new java.util.EnumMap<>(
                cloud.minicloud.core.usage.UsageKind.class);
        lines.forEach(line -> totals.merge(line.kind(), line.amount(), BigDecimal::add));
        return totals;
    }
}
