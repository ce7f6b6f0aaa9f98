package cloud.minicloud.core.quota;

import java.util.Arrays;
import java.util.List;

/** What a person is shown of one tenant's quota. */
public record QuotaView(String tenant, ResourceAmounts limits, ResourceAmounts used) {

    public List<Line> lines() {
        return Arrays.stream(ResourceKind.values())
                .map(kind -> new Line(kind, used.of(kind), limits.of(kind)))
                .toList();
    }

    /** One resource: how much is in use of how much is allowed. */
    public record Line(ResourceKind kind, long used, long limit) {
    }
}
