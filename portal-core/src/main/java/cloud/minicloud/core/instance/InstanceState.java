package cloud.minicloud.core.instance;

/**
 * Where an instance is in its life. The -ING states belong to a running task. UNKNOWN: its node
 * has not answered for a while, so whether the guest runs is not known (it was RUNNING or STOPPED).
 * MIGRATING: it runs, and is moving live to another node.
 */
public enum InstanceState {
    PENDING, STARTING, RUNNING, STOPPING, STOPPED, REBOOTING, RESIZING, IMAGING, MIGRATING, DELETING, DELETED, ERROR, UNKNOWN;

    /** Whether the hypervisor's word may change this state (no task owns it). */
    boolean settled() {
        return this == RUNNING || this == STOPPED || this == UNKNOWN;
    }
}
