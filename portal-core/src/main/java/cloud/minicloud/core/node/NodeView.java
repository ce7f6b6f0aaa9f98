package cloud.minicloud.core.node;

import java.math.BigDecimal;
import java.time.Instant;

/** A compute node as admins see it; size and virt type are null until the first probe succeeds. */
public record NodeView(String name, String uri, String zone, boolean enabled, boolean maintenance, Integer cpus,
                       Long memoryMib, BigDecimal cpuRatio, BigDecimal memoryRatio, String virtType, boolean reachable,
                       Instant lastProbeAt, String lastError) {
}
