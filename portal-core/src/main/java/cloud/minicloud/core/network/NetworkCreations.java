package cloud.minicloud.core.network;

import cloud.minicloud.core.TooManyRequestsException;
import cloud.minicloud.core.config.CloudSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How fast each tenant may create networks: a bucket per tenant that holds a minute's worth of
 * creates and refills at that rate, so a burst is fine and a create/delete loop is slowed to it.
 * Kept in memory: a restart forgives, which costs at most one more minute's worth.
 */
@ApplicationScoped
public class NetworkCreations {

    @Inject
    CloudSettings settings;

    Clock clock = Clock.systemUTC();

    /** Tokens left per tenant, and when they were counted. */
    private record Bucket(double tokens, Instant at) {
    }

    private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();

    /** Takes one create for the tenant, or refuses with how long until the next is allowed. */
    void take(long tenantId) {
        int perMinute = settings.networks().createsPerMinute();
        double perSecond = perMinute / 60.0;
        Instant now = clock.instant();
        boolean[] taken = new boolean[1];
        Bucket after = buckets.compute(tenantId, (id, bucket) -> {
            double tokens = bucket == null ? perMinute
                    : Math.min(perMinute, bucket.tokens() + Duration.between(bucket.at(), now).toMillis() / 1000.0 * perSecond);
            taken[0] = tokens >= 1;
            return new Bucket(taken[0] ? tokens - 1 : tokens, now);
        });
        if (!taken[0]) {
            long wait = Math.max(1, (long) Math.ceil((1 - after.tokens()) / perSecond));
            throw new TooManyRequestsException("a tenant may create " + perMinute + " networks a minute; try again in "
                    + wait + " s", Duration.ofSeconds(wait));
        }
    }
}
