package cloud.minicloud.billing.rating;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.minicloud.billing.price.PriceList;
import cloud.minicloud.billing.price.PriceTimeline;
import cloud.minicloud.core.usage.UsageKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Rating checked against amounts worked out by hand. */
class RaterTest {

    private static final PriceList OLD = new PriceList(1, Instant.parse("2000-01-01T00:00:00Z"),
            Map.of("entry", new BigDecimal("0.02"), "general", new BigDecimal("0.07")), new BigDecimal("0.0007"),
            new BigDecimal("0.0002"), PriceList.DEFAULT_TERMS, "admin", Instant.EPOCH);
    private static final PriceList NEW = new PriceList(2, Instant.parse("2031-01-15T00:30:00Z"),
            Map.of("entry", new BigDecimal("0.03"), "general", new BigDecimal("0.09")), new BigDecimal("0.001"),
            new BigDecimal("0.0002"), PriceList.DEFAULT_TERMS, "admin", Instant.EPOCH);
    private static final PriceTimeline PRICES = new PriceTimeline(List.of(NEW, OLD));

    private long ids;

    private Usage compute(String at, String flavor, boolean begins) {
        return new Usage(++ids, 7, UsageKind.COMPUTE, "vm-1", "web", flavor, 0, begins, Instant.parse(at));
    }

    private Usage disk(String at, int gib, boolean begins) {
        return new Usage(++ids, 7, UsageKind.DISK, "vm-1", "web", null, gib, begins, Instant.parse(at));
    }

    private Usage bought(String at, int months) {
        return new Usage(++ids, 7, UsageKind.SUBSCRIPTION, "vm-1", "web", "entry", 20, true, Instant.parse(at), months);
    }

    private static BigDecimal total(List<RatedLine> lines) {
        return lines.stream().map(RatedLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static List<RatedLine> rate(List<Usage> events, String from, String to) {
        return Rater.rate(events, PRICES, Instant.parse(from), Instant.parse(to));
    }

    @Test
    void compute_is_charged_per_hour_line_for_the_time_it_ran_at_its_flavors_price() {
        List<RatedLine> lines = rate(List.of(compute("2031-01-01T10:20:00Z", "entry", true),
                compute("2031-01-01T12:05:30Z", "entry", false)), "2031-01-01T00:00:00Z", "2031-01-02T00:00:00Z");

        // 40 min, 60 min, 5.5 min: 0.666667 h, 1 h, 0.091667 h at 0.02
        assertEquals(List.of("0.666667", "1.000000", "0.091667"), lines.stream().map(l -> l.quantity().toPlainString()).toList());
        assertEquals(new BigDecimal("0.035166"), total(lines)); // 0.013333 + 0.020000 + 0.001833: each line rounded
        assertEquals(Instant.parse("2031-01-01T10:00:00Z"), lines.get(0).hourStart());
    }

    @Test
    void a_resize_between_runs_gives_each_flavor_its_own_lines_and_the_disk_runs_on_meanwhile() {
        List<Usage> events = List.of(disk("2031-01-01T10:00:00Z", 20, true), compute("2031-01-01T10:00:00Z", "entry", true),
                compute("2031-01-01T10:30:00Z", "entry", false), compute("2031-01-01T10:45:00Z", "general", true),
                compute("2031-01-01T11:00:00Z", "general", false), disk("2031-01-01T11:00:00Z", 20, false));

        List<RatedLine> lines = rate(events, "2031-01-01T00:00:00Z", "2031-01-02T00:00:00Z");

        // entry 0.5 h × 0.02 = 0.01; general 0.25 h × 0.07 = 0.0175; disk 20 GiB × 1 h × 0.0007 = 0.014
        assertEquals(new BigDecimal("0.041500"), total(lines));
        assertEquals(3, lines.size());
    }

    @Test
    void a_subscription_is_one_line_in_the_hour_it_was_bought_at_the_discounted_month_of_the_list_then() {
        List<RatedLine> lines = rate(List.of(bought("2031-01-10T09:59:59Z", 3), bought("2031-01-20T12:00:00Z", 12),
                        bought("2031-03-01T00:00:00Z", 1)), "2031-01-01T00:00:00Z", "2031-02-01T00:00:00Z");

        assertEquals(2, lines.size(), "the purchase in March is not January's");
        RatedLine quarter = lines.get(0);
        assertEquals(Instant.parse("2031-01-10T09:00:00Z"), quarter.hourStart());
        // (0.02 + 20 GiB × 0.0007) × 730 h × (1 - 5 %) = 23.579 a month, for 3 months
        assertEquals(new BigDecimal("23.579000"), quarter.unitPrice());
        assertEquals(new BigDecimal("3.000000"), quarter.quantity());
        assertEquals(new BigDecimal("70.737000"), quarter.amount());
        assertEquals("entry, 20 GiB, 3 mo", quarter.item());
        RatedLine year = lines.get(1);
        // the new list: (0.03 + 20 × 0.001) × 730 × (1 - 15 %) = 31.025 a month, for 12
        assertEquals(2L, year.priceListId());
        assertEquals(new BigDecimal("31.025000"), year.unitPrice());
        assertEquals(new BigDecimal("372.300000"), year.amount());
    }

    @Test
    void a_price_change_mid_hour_splits_the_hour_between_the_two_lists() {
        List<RatedLine> lines = rate(List.of(compute("2031-01-15T00:00:00Z", "general", true)),
                "2031-01-15T00:00:00Z", "2031-01-15T01:00:00Z");

        assertEquals(2, lines.size());
        assertEquals(List.of(1L, 2L), lines.stream().map(RatedLine::priceListId).toList());
        assertEquals(new BigDecimal("0.080000"), total(lines)); // 0.5 × 0.07 + 0.5 × 0.09
    }

    @Test
    void a_window_takes_only_its_own_share_of_usage_across_a_month_boundary() {
        List<Usage> events = List.of(compute("2031-01-31T23:30:00Z", "entry", true), compute("2031-02-01T00:30:00Z", "entry", false));

        BigDecimal january = total(rate(events, "2031-01-01T00:00:00Z", "2031-02-01T00:00:00Z"));
        BigDecimal february = total(rate(events, "2031-02-01T00:00:00Z", "2031-03-01T00:00:00Z"));

        assertEquals(new BigDecimal("0.015000"), january, "0.5 h at 0.03");
        assertEquals(new BigDecimal("0.015000"), february, "the new list is in force since mid-January: 0.5 h at 0.03");
    }

    @Test
    void a_running_instance_is_charged_until_the_end_of_the_window() {
        List<RatedLine> lines = rate(List.of(compute("2031-01-01T00:00:00Z", "entry", true)),
                "2031-01-01T00:00:00Z", "2031-01-02T00:00:00Z");

        assertEquals(24, lines.size());
        assertEquals(new BigDecimal("0.480000"), total(lines));
    }

    @Test
    void events_arriving_late_or_in_any_order_give_the_same_lines() {
        List<Usage> events = new ArrayList<>(List.of(disk("2031-01-01T10:00:00Z", 40, true),
                compute("2031-01-01T10:00:07Z", "entry", true), compute("2031-01-01T13:59:59Z", "entry", false),
                compute("2031-01-02T08:00:00Z", "general", true), compute("2031-01-02T08:00:01Z", "general", false),
                disk("2031-01-03T00:00:00Z", 40, false)));
        List<RatedLine> expected = rate(events, "2031-01-01T00:00:00Z", "2031-02-01T00:00:00Z");

        Collections.shuffle(events, new Random(42));

        assertEquals(expected, rate(events, "2031-01-01T00:00:00Z", "2031-02-01T00:00:00Z"));
    }
}
