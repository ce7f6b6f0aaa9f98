package cloud.minicloud.billing.price;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * One version of the prices, in force from {@code effectiveFrom} until the next version's: a price
 * per flavor-hour (while an instance runs), per disk GiB-hour (while a disk exists) and per custom
 * image GiB-hour, in the cloud's currency, and the terms subscriptions are sold on.
 */
public record PriceList(long id, Instant effectiveFrom, Map<String, BigDecimal> flavors, BigDecimal diskGibHour,
                        BigDecimal imageGibHour, SubscriptionTerms subscription, String createdBy, Instant createdAt) {

    /** ECS's usual terms, where a list says nothing else. */
    public static final SubscriptionTerms DEFAULT_TERMS = new SubscriptionTerms(new BigDecimal("5.00"),
            new BigDecimal("15.00"), 7, 15);

    public PriceList {
        flavors = Map.copyOf(flavors);
    }

    /** A flavor's hourly price here; a flavor the list does not name costs nothing (every list names every flavor when made). */
    public BigDecimal flavor(String flavor) {
        return flavors.getOrDefault(flavor, BigDecimal.ZERO);
    }

    /** One month of an instance of the flavor with a disk of so many GiB, bought for a term of {@code months}. */
    public BigDecimal subscriptionMonth(String flavor, int diskGib, int months) {
        return subscription.monthlyPrice(flavor(flavor).add(diskGibHour.multiply(BigDecimal.valueOf(diskGib))), months);
    }

    PriceList withId(long newId) {
        return new PriceList(newId, effectiveFrom, flavors, diskGibHour, imageGibHour, subscription, createdBy, createdAt);
    }
}
