package cloud.minicloud.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A rate limit per key (a tenant, an AccessKey): a bucket per key that holds {@code burst} takes
 * and refills at {@code perSecond}, so a burst passes and a steady flood is slowed to the rate.
 * Kept in memory: a restart forgives, which costs at most one more burst.
 */
public final class TokenBuckets<K> {

    /** How many takes a bucket holds, and how fast it refills. */
    public record Rate(double burst, double perSecond) {

        public Rate {
            if (burst < 1 || perSecond <= 0) {
                throw new IllegalArgumentException("a rate holds at least one take and refills");
            }
        }
    }

    /** Buckets beyond this many are swept of the full ones (keys that have rested), so the map stays small. */
    private static final int SWEEP_ABOVE = 10_000;

    /** Takes left, and when they were counted. */
    private record Bucket(double tokens, Instant at) {

        double now(Rate rate, Instant now) {
            return Math.min(rate.burst(), tokens + Math.max(0, Duration.between(at, now).toMillis()) / 1000.0 * rate.perSecond());
        }
    }

    private final Map<K, Bucket> buckets = new ConcurrentHashMap<>();

    /** Takes one for the key; if none is left, takes nothing and answers how long until one is (in whole seconds). */
    public Optional<Duration> take(K key, Rate rate, Instant now) {
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(bucket -> bucket.now(rate, now) >= rate.burst());
        }
        boolean[] taken = new boolean[1];
        Bucket after = buckets.compute(key, (k, bucket) -> {
            double tokens = bucket == null ? rate.burst() : bucket.now(rate, now);
            taken[0] = tokens >= 1;
            return new Bucket(taken[0] ? tokens - 1 : tokens, now);
        });
        if (taken[0]) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(Math.max(1, (long) Math.ceil((1 - after.tokens()) / rate.perSecond()))));
    }
}
