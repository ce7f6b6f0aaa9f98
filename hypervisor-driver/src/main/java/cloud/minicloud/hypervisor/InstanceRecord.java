package cloud.minicloud.hypervisor;

import java.util.UUID;

/** A guest of this cloud found on a node, with its owner from the domain metadata. */
public record InstanceRecord(UUID id, String displayName, String owner, int vcpus, long memoryMib, PowerState state) {
}
