package cloud.minicloud.core.network;

import cloud.minicloud.core.TooManyRequestsException;
import cloud.minicloud.core.config.CloudSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import cloud.minicloud.core.TokenBuckets;
import java.time.Clock;

/**
 * How fast each tenant may create networks: a bucket per tenant that holds a minute's worth of
 * creates and refills at that rate, so a burst is fine and a create/delete loop is slowed to it.
 */
@ApplicationScoped
public class NetworkCreations {

    @Inject
    CloudSettings settings;

    Clock clock = Clock.systemUTC();

    private final TokenBuckets<Long> buckets = new TokenBuckets<>();

    /** Takes one create for the tenant, or refuses with how long until the next is allowed. */
    void take(long tenantId) {
        int perMinute = settings.networks().createsPerMinute();
        buckets.take(tenantId, new TokenBuckets.Rate(perMinute, perMinute / 60.0), clock.instant()).ifPresent(wait -> {
            throw new TooManyRequestsException("a tenant may create " + perMinute + " networks a minute; try again in "
                    + wait.toSeconds() + " s", wait);
        });
    }
}
