package cloud.minicloud.core.instance;

import java.time.Duration;

/**
 * What happens around a subscription's end, as the cloud admin set it (billing keeps it with the
 * prices): how long before expiry tenants are warned, and how long an expired instance is kept,
 * stopped, before it is released.
 */
public interface SubscriptionPolicy {

    /** The terms in force now. */
    Terms terms();

    record Terms(Duration warning, Duration grace) {
    }
}
