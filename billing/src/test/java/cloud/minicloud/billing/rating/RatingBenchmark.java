package cloud.minicloud.billing.rating;

import cloud.minicloud.billing.price.PriceList;
import cloud.minicloud.billing.price.PriceTimeline;
import cloud.minicloud.core.usage.UsageKind;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * How fast the rater turns a month of usage into hourly lines, and how much heap it takes: T
 * tenants × I instances, each instance's disk existing and its compute running for H hours at a
 * random time of the month (stopped and started once midway), a price change mid-month. Rated
 * tenant by tenant, as the rating run does. Prints the figures; asserts nothing.
 * Run by deploy/bench/rating-benchmark.sh [tenants] [instances] [hours].
 */
public final class RatingBenchmark {

    private RatingBenchmark() {
    }

    public static void main(String[] args) {
        int tenants = Integer.getInteger("bench.tenants", 1000);
        int instances = Integer.getInteger("bench.instances", 100);
        int hours = Integer.getInteger("bench.hours", 5);
        Instant month = Instant.parse("2031-01-01T00:00:00Z");
        Instant end = Instant.parse("2031-02-01T00:00:00Z");
        PriceTimeline prices = new PriceTimeline(List.of(
                new PriceList(1, Instant.parse("2000-01-01T00:00:00Z"), Map.of("entry", new BigDecimal("0.02"),
                        "general", new BigDecimal("0.07")), new BigDecimal("0.0007"), new BigDecimal("0.0002"),
                        PriceList.DEFAULT_TERMS, "bench", month),
                new PriceList(2, Instant.parse("2031-01-15T00:00:00Z"), Map.of("entry", new BigDecimal("0.03"),
                        "general", new BigDecimal("0.09")), new BigDecimal("0.0008"), new BigDecimal("0.0002"),
                        PriceList.DEFAULT_TERMS, "bench", month)));

        List<List<Usage>> usage = new ArrayList<>();
        Random random = new Random(42);
        long id = 0;
        long events = 0;
        for (int t = 0; t < tenants; t++) {
            List<Usage> tenant = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                String resource = "t" + t + "-vm" + i;
                long startSecond = random.nextLong(Duration.ofDays(31).minusHours(hours + 1).toSeconds());
                Instant start = month.plusSeconds(startSecond);
                Instant stop = start.plusSeconds(hours * 3600L);
                Instant pause = start.plusSeconds(hours * 1800L);
                String flavor = i % 2 == 0 ? "entry" : "general";
                tenant.add(new Usage(++id, t, UsageKind.DISK, resource, resource, null, 20, true, start));
                tenant.add(new Usage(++id, t, UsageKind.COMPUTE, resource, resource, flavor, 0, true, start));
                tenant.add(new Usage(++id, t, UsageKind.COMPUTE, resource, resource, flavor, 0, false, pause));
                tenant.add(new Usage(++id, t, UsageKind.COMPUTE, resource, resource, flavor, 0, true, pause.plusSeconds(600)));
                tenant.add(new Usage(++id, t, UsageKind.COMPUTE, resource, resource, flavor, 0, false, stop));
                tenant.add(new Usage(++id, t, UsageKind.DISK, resource, resource, null, 20, false, stop));
            }
            events += tenant.size();
            usage.add(tenant);
        }

        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        long before = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long lines = 0;
        BigDecimal total = BigDecimal.ZERO;
        long started = System.nanoTime();
        for (List<Usage> tenant : usage) {
            List<RatedLine> rated = Rater.rate(tenant, prices, month, end);
            lines += rated.size();
            for (RatedLine line : rated) {
                total = total.add(line.amount());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();

        System.out.printf("rating benchmark: %d tenants x %d instances, each %d h in the month (disk, compute with one stop)%n",
                tenants, instances, hours);
        System.out.printf("  usage events: %,d   rated hourly lines: %,d   total: %s%n", events, lines,
                total.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
        System.out.printf("  rating time: %.2f s (%,.0f lines/s)%n", seconds, lines / seconds);
        System.out.printf("  heap: %,d MiB before rating (the events), peak %,d MiB during it%n", before >> 20, peak >> 20);
    }
}
