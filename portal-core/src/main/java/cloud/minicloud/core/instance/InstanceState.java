package cloud.minicloud.core.instance;

/**
 * Where an instance is in its life. The -ING states belong to a running task. UNKNOWN: its node
 * has not answered for a while, so whether the guest runs is not known (it was RUNNING or STOPPED).
 * MIGRATING: it is moving to another node, live if it runs (and it runs on), else cold (and it stays stopped).
 */
public enum InstanceState {
    PENDING, STARTING, RUNNING, STOPPING, STOPPED, REBOOTING, RESIZING, IMAGING, MIGRATING, DELETING, DELETED, ERROR, UNKNOWN;

    /** Whether a cloud admin may move an instance in this state to another node: live when it runs, cold when stopped. */
    public boolean movable() {
        return this == RUNNING || this == STOPPED;
    }

    /** Whether the hypervisor's word may change this state (no task owns it). */
    boolean settled() {
        return this == RUNNING || this == STOPPED || this == UNKNOWN;
    }
}
