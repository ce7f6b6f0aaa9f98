package cloud.minicloud.billing.price;

import cloud.minicloud.core.InvalidRequestException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How subscriptions are sold under a price list: a month bought up front costs {@link #HOURS_PER_MONTH}
 * hours of the instance's pay-as-you-go price (flavor and disk) less a discount, one for terms of
 * 1 to 11 months and one for whole years; tenants are warned {@code warningDays} before a term ends,
 * and an ended subscription is released {@code graceDays} after.
 */
public record SubscriptionTerms(BigDecimal monthDiscountPercent, BigDecimal yearDiscountPercent, Integer warningDays,
                                Integer graceDays) {

    /** ECS's month: 730 hours (365 days × 24 / 12). */
    public static final BigDecimal HOURS_PER_MONTH = BigDecimal.valueOf(730);
    public static final int MAX_DAYS = 90;

    /** Checked, for a new price list: each discount 0 to 100 % with 2 decimals at most, warning 1 to 90 days, grace 0 to 90. */
    SubscriptionTerms valid() {
        return new SubscriptionTerms(percent("monthDiscountPercent", monthDiscountPercent),
                percent("yearDiscountPercent", yearDiscountPercent), days("warningDays", warningDays, 1),
                days("graceDays", graceDays, 0));
    }

    /** One month of an instance of this hourly price (flavor plus disk), bought for a term of {@code months}. */
    public BigDecimal monthlyPrice(BigDecimal hourly, int months) {
        BigDecimal discount = months % 12 == 0 ? yearDiscountPercent : monthDiscountPercent;
        BigDecimal kept = BigDecimal.ONE.subtract(discount.movePointLeft(2));
        return hourly.multiply(HOURS_PER_MONTH).multiply(kept).setScale(6, RoundingMode.HALF_UP);
    }

    private static BigDecimal percent(String field, BigDecimal value) {
        if (value == null || value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0
                || value.stripTrailingZeros().scale() > 2) {
            throw new InvalidRequestException("subscription." + field + " is a percentage from 0 to 100 with at most 2 decimals");
        }
        return value.setScale(2);
    }

    private static int days(String field, Integer value, int least) {
        if (value == null || value < least || value > MAX_DAYS) {
            throw new InvalidRequestException("subscription." + field + " is " + least + " to " + MAX_DAYS + " days");
        }
        return value;
    }
}
