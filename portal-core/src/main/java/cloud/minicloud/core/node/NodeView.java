package cloud.minicloud.core.node;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A compute node as admins see it; size and virt type are null until the first probe succeeds.
 * {@code capacity} is its size with overcommit applied, {@code claimed} what placed instances take
 * of it. {@code health} says whether it is up, degraded or unreachable, {@code healthReason} why
 * and {@code healthSince} since when. {@code tunnelAddress} is where its VXLAN tunnels end (null
 * for the local node until another joins it).
 */
public record NodeView(String name, String uri, String zone, String tunnelAddress, boolean enabled, boolean maintenance, Integer cpus,
                       Long memoryMib, Long storageGib, BigDecimal cpuRatio, BigDecimal memoryRatio,
                       BigDecimal diskRatio, NodeCapacity capacity, NodeCapacity claimed, String virtType,
                       String virtFingerprint, int clientRequests, boolean reachable, NodeHealth health,
                       String healthReason, Instant healthSince, Instant lastProbeAt, String lastError) {
}
