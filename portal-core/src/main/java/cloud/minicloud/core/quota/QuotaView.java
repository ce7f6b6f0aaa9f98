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

    /** The resource with the largest share of its limit in use (one with no limit left counts as full). */
    public Line fullest() {
        return lines().stream().max(java.util.Comparator.comparingDouble(Line::share)).orElseThrow();
    }

    /** One resource: how much is in use of how much is allowed. */
    public record Line(ResourceKind kind, long used, long limit) {

        double share() {
            return limit == 0 ? (used > 0 ? Double.MAX_VALUE : 0) : (double) used / limit;
        }
    }
}
