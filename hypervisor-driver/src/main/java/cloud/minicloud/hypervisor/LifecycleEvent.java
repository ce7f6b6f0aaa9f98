package cloud.minicloud.hypervisor;

import java.util.UUID;

/**
 * A guest changed power state on a node, as libvirt reported it. Events may come for domains that
 * are not this cloud's, and may be lost while a node is unreachable: the reconciler's periodic
 * sweep covers both.
 */
public record LifecycleEvent(UUID instance, PowerState state) {
}
