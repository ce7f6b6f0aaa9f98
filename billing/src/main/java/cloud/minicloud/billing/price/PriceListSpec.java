package cloud.minicloud.billing.price;

import cloud.minicloud.core.InvalidRequestException;
import cloud.minicloud.core.audit.AuditTarget;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A new price list as an admin sends it: when it takes effect (an ISO-8601 instant, now or later)
 * and every price. {@code effectiveFrom} null means now; {@code subscription} null keeps the terms in force then.
 */
public record PriceListSpec(String effectiveFrom, Map<String, BigDecimal> flavors, BigDecimal diskGibHour,
                            BigDecimal imageGibHour, SubscriptionTerms subscription) implements AuditTarget {

    @Override
    public String auditTarget() {
        return "price list from " + (effectiveFrom == null || effectiveFrom.isBlank() ? "now" : effectiveFrom.strip());
    }

    static final BigDecimal MAX_PRICE = new BigDecimal("1000000");
    /** The database keeps times until 2038-01-19. */
    static final Instant LATEST = Instant.parse("2037-12-31T00:00:00Z");
    private static final int MAX_DECIMALS = 6;

    /** When it takes effect: refused if malformed or in the past (usage already happened at the old prices). */
    Instant effectiveFrom(Instant now) {
        if (effectiveFrom == null || effectiveFrom.isBlank()) {
            return now;
        }
        Instant at;
        try {
            at = Instant.parse(effectiveFrom.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("effectiveFrom '" + effectiveFrom
                    + "' is not a time like 2026-12-01T00:00:00Z; leave it out to take effect now");
        }
        if (at.isBefore(now)) {
            throw new InvalidRequestException("effectiveFrom " + at + " is in the past: usage until now keeps the prices it had;"
                    + " give a time from now on, or leave it out to take effect now");
        }
        if (at.isAfter(LATEST)) {
            throw new InvalidRequestException("effectiveFrom " + at + " is too far ahead: the latest is " + LATEST);
        }
        return at;
    }

    /** The prices, checked: every flavor of the cloud priced, nothing unknown, each 0 to a million with 6 decimals at most. */
    Map<String, BigDecimal> validFlavors(Set<String> cloudFlavors) {
        if (flavors == null) {
            throw new InvalidRequestException("flavors: send each flavor's hourly price, e.g. {\"entry\": 0.02}");
        }
        Set<String> missing = new TreeSet<>(cloudFlavors);
        missing.removeAll(flavors.keySet());
        if (!missing.isEmpty()) {
            throw new InvalidRequestException("flavors: no price for " + String.join(", ", missing)
                    + "; a price list prices every flavor");
        }
        Set<String> unknown = new TreeSet<>(flavors.keySet());
        unknown.removeAll(cloudFlavors);
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException("flavors: no flavor called " + String.join(", ", unknown)
                    + "; GET /api/v1/admin/flavors lists them");
        }
        Map<String, BigDecimal> valid = new TreeMap<>();
        flavors.forEach((name, price) -> valid.put(name, price("flavors." + name, price)));
        return valid;
    }

    static BigDecimal price(String field, BigDecimal price) {
        if (price == null || price.signum() < 0 || price.compareTo(MAX_PRICE) > 0
                || price.stripTrailingZeros().scale() > MAX_DECIMALS) {
            throw new InvalidRequestException(field + " is a price per hour from 0 to " + MAX_PRICE.toPlainString()
                    + " with at most " + MAX_DECIMALS + " decimals");
        }
        return price.setScale(MAX_DECIMALS);
    }
}
