package cloud.minicloud.billing.price;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * One version of the prices, in force from {@code effectiveFrom} until the next version's: a price
 * per flavor-hour (while an instance runs), per disk GiB-hour (while a disk exists) and per custom
 * image GiB-hour, in the cloud's currency.
 */
public record PriceList(long id, Instant effectiveFrom, Map<String, BigDecimal> flavors, BigDecimal diskGibHour,
                        BigDecimal imageGibHour, String createdBy, Instant createdAt) {

    public PriceList {
        flavors = Map.copyOf(flavors);
    }

    /** A flavor's hourly price here; a flavor the list does not name costs nothing (every list names every flavor when made). */
    public BigDecimal flavor(String flavor) {
        return flavors.getOrDefault(flavor, BigDecimal.ZERO);
    }
}
