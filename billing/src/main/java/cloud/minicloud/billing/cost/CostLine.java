package cloud.minicloud.billing.cost;

import cloud.minicloud.core.usage.UsageKind;
import java.math.BigDecimal;

/**
 * One resource's usage at one unit price over the span asked for: {@code quantity} {@code unit}s
 * (flavor-hours while running, GiB-hours while stored) at {@code unitPrice} make {@code amount}.
 */
public record CostLine(UsageKind kind, String resourceId, String resourceName, String item, String unit,
                       BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) {
}
