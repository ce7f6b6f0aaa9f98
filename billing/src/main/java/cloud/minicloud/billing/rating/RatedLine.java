package cloud.minicloud.billing.rating;

import cloud.minicloud.core.usage.UsageKind;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Priced usage of one resource in one hour under one price list: {@code quantity} in the kind's
 * unit (flavor-hours for compute, GiB-hours for storage) times {@code unitPrice} is {@code amount}.
 * {@code item} is the flavor for compute and empty for storage.
 */
public record RatedLine(long tenantId, UsageKind kind, String resourceId, String resourceName, String item,
                        Instant hourStart, long priceListId, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) {
}
