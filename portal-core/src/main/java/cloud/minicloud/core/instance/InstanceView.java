package cloud.minicloud.core.instance;

import java.time.Instant;
import java.util.UUID;

/** An instance as the console and the API show it. {@code node} and {@code privateIp} may be null. */
public record InstanceView(UUID id, String tenant, String name, String hostname, InstanceState state, String stateReason,
                           Instant stateChangedAt, String flavor, int vcpus, long memoryMib, String image,
                           int systemDiskGib, UUID network, String networkName, String privateIp, String node,
                           Instant createdAt) {
}
