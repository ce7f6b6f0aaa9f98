package cloud.minicloud.core.instance;

import java.time.Instant;
import java.util.UUID;

/**
 * An instance as the console and the API show it. {@code node} and {@code privateIp} may be null.
 * {@code nodeProblem} says, while its node is unreachable or degraded, that its work waits for the
 * node (null otherwise); {@code actions} are what its state lets a user do now.
 */
public record InstanceView(UUID id, String tenant, String name, String hostname, InstanceState state, String stateReason,
                           Instant stateChangedAt, String flavor, int vcpus, long memoryMib, String image,
                           int systemDiskGib, UUID network, String networkName, String privateIp, String node,
                           String nodeProblem, java.util.Set<InstanceAction> actions, Instant createdAt) {

    public boolean allows(InstanceAction action) {
        return actions.contains(action);
    }

    /** The states the action may be taken from (the instance's rule), for saying why not. */
    public static java.util.Set<InstanceState> statesAllowing(InstanceAction action) {
        return Instance.statesAllowing(action);
    }
}
