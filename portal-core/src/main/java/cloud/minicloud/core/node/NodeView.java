package cloud.minicloud.core.node;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A compute node as admins see it; size and virt type are null until the first probe succeeds.
 * {@code capacity} is its size with overcommit applied, {@code claimed} what placed instances take of it.
 */
public record NodeView(String name, String uri, String zone, boolean enabled, boolean maintenance, Integer cpus,
                       Long memoryMib, Long storageGib, BigDecimal cpuRatio, BigDecimal memoryRatio,
                       BigDecimal diskRatio, NodeCapacity capacity, NodeCapacity claimed, String virtType,
                       boolean reachable, Instant lastProbeAt, String lastError) {
}
