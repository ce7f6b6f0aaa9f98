package cloud.minicloud.billing.rating;

import cloud.minicloud.billing.price.PriceList;
import cloud.minicloud.billing.price.PriceTimeline;
import cloud.minicloud.core.usage.UsageKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns usage events into rated lines for a window of time, from the events alone: the same events
 * and prices always give the same lines. Usage is measured to the millisecond; a line's quantity is
 * rounded to 6 decimals of its unit, its amount (quantity × unit price) to 6 decimals, half up. A
 * subscription bought is a line of its months in the hour it was bought, at the month's price then.
 */
public final class Rater {

    static final int SCALE = 6;
    private static final BigDecimal MS_PER_HOUR = BigDecimal.valueOf(3_600_000L);

    private Rater() {
    }

    /** The lines of the hours in [{@code from}, {@code to}) that the events (of any resources, in any order) call for. */
    public static List<RatedLine> rate(List<Usage> events, PriceTimeline prices, Instant from, Instant to) {
        Map<String, List<Usage>> byMeter = events.stream()
                .sorted(Comparator.comparing(Usage::occurredAt).thenComparingLong(Usage::id))
                .collect(Collectors.groupingBy(e -> e.kind() + "/" + e.resourceId(), LinkedHashMap::new, Collectors.toList()));
        List<RatedLine> lines = new ArrayList<>();
        for (List<Usage> meter : byMeter.values()) {
            lines.addAll(meter.get(0).kind() == UsageKind.SUBSCRIPTION ? purchases(meter, prices, from, to)
                    : rateMeter(meter, prices, from, to));
        }
        return lines;
    }

    /** One line per hour and term bought in the window: quantity the months, unit price a month's under the list then. */
    private static List<RatedLine> purchases(List<Usage> events, PriceTimeline prices, Instant from, Instant to) {
        Map<Key, RatedLine> lines = new LinkedHashMap<>();
        for (Usage bought : events) {
            if (bought.occurredAt().isBefore(from) || !bought.occurredAt().isBefore(to)) {
                continue;
            }
            PriceList list = prices.inForce(bought.occurredAt());
            String item = bought.flavor() + ", " + bought.sizeGib() + " GiB, " + bought.months() + " mo";
            BigDecimal quantity = BigDecimal.valueOf(bought.months()).setScale(SCALE);
            BigDecimal unitPrice = list.subscriptionMonth(bought.flavor(), bought.sizeGib(), bought.months());
            RatedLine line = new RatedLine(bought.tenantId(), bought.kind(), bought.resourceId(), bought.resourceName(), item,
                    bought.occurredAt().truncatedTo(ChronoUnit.HOURS), list.id(), quantity, unitPrice,
                    quantity.multiply(unitPrice).setScale(SCALE, RoundingMode.HALF_UP));
            lines.merge(new Key(line.hourStart(), list.id(), item), line, (a, b) -> new RatedLine(a.tenantId(), a.kind(),
                    a.resourceId(), a.resourceName(), a.item(), a.hourStart(), a.priceListId(),
                    a.quantity().add(b.quantity()), a.unitPrice(), a.amount().add(b.amount())));
        }
        return new ArrayList<>(lines.values());
    }

    /** A span in which one meter ran at one level: a flavor, or so many GiB. */
    private record Span(Usage opened, Instant start, Instant end) {
    }

    private record Key(Instant hour, long priceList, String item) {
    }

    private static List<RatedLine> rateMeter(List<Usage> events, PriceTimeline prices, Instant from, Instant to) {
        Map<Key, Long> unitMillis = new LinkedHashMap<>();
        Map<Key, Usage> opener = new LinkedHashMap<>();
        for (Span span : spans(events, to)) {
            Instant start = span.start().isBefore(from) ? from : span.start();
            Instant end = span.end().isAfter(to) ? to : span.end();
            long multiplier = span.opened().kind() == UsageKind.COMPUTE ? 1 : span.opened().sizeGib();
            String item = span.opened().kind() == UsageKind.COMPUTE ? span.opened().flavor() : "";
            for (Instant t = start; t.isBefore(end); ) {
                Instant hour = t.truncatedTo(ChronoUnit.HOURS);
                Instant next = min(end, hour.plus(1, ChronoUnit.HOURS));
                Instant change = prices.nextChangeAfter(t).orElse(next);
                next = min(next, change);
                Key key = new Key(hour, prices.inForce(t).id(), item);
                unitMillis.merge(key, (next.toEpochMilli() - t.toEpochMilli()) * multiplier, Long::sum);
                opener.putIfAbsent(key, span.opened());
                t = next;
            }
        }
        List<RatedLine> lines = new ArrayList<>();
        unitMillis.forEach((key, millis) -> {
            Usage usage = opener.get(key);
            PriceList list = prices.byId(key.priceList());
            BigDecimal unitPrice = switch (usage.kind()) {
                case COMPUTE -> list.flavor(usage.flavor());
                case DISK -> list.diskGibHour();
                case IMAGE -> list.imageGibHour();
                case SUBSCRIPTION -> throw new IllegalStateException("a purchase is not metered by the hour");
            };
            BigDecimal quantity = BigDecimal.valueOf(millis).divide(MS_PER_HOUR, SCALE, RoundingMode.HALF_UP);
            lines.add(new RatedLine(usage.tenantId(), usage.kind(), usage.resourceId(), usage.resourceName(), key.item(),
                    key.hour(), key.priceList(), quantity, unitPrice.setScale(SCALE, RoundingMode.HALF_UP),
                    quantity.multiply(unitPrice).setScale(SCALE, RoundingMode.HALF_UP)));
        });
        return lines;
    }

    /** The spans of one meter: each begin opens one (closing any still open), each end closes it; the last may run on. */
    private static List<Span> spans(List<Usage> events, Instant to) {
        List<Span> spans = new ArrayList<>();
        Usage open = null;
        for (Usage event : events) {
            if (open != null) {
                spans.add(new Span(open, open.occurredAt(), event.occurredAt()));
            }
            open = event.begins() ? event : null;
        }
        if (open != null && open.occurredAt().isBefore(to)) {
            spans.add(new Span(open, open.occurredAt(), to));
        }
        return spans;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
