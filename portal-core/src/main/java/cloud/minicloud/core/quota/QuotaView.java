package cloud.minicloud.core.quota;

import java.util.Arrays;
import java.util.List;

/**
 * What a person is shown of one tenant's quota.
 *
 * @param ordersClosed why the tenant may order nothing now (disabled by a cloud admin), or null
 */
public record QuotaView(String tenant, ResourceAmounts limits, ResourceAmounts used, String ordersClosed) {

    public static QuotaView of(String tenant, Quota quota) {
        return new QuotaView(tenant, quota.limits(), quota.used(), quota.ordersClosed().orElse(null));
    }

    public List<Line> lines() {
        return Arrays.stream(ResourceKind.values())
                .map(kind -> new Line(kind, used.of(kind), limits.of(kind)))
                .toList();
    }

    /** One resource: how much is in use of how much is allowed. */
    public record Line(ResourceKind kind, long used, long limit) {
    }
}
