package cloud.minicloud.core.instance;

import java.time.Duration;

/** ECS's defaults: warned 7 days ahead, released 15 days after expiry (billing's versions are tested there). */
public class FixedSubscriptionPolicy implements SubscriptionPolicy {

    @Override
    public Terms terms() {
        return new Terms(Duration.ofDays(7), Duration.ofDays(15));
    }
}
