package cloud.minicloud.hypervisor;

/** A guest's power state as the hypervisor reports it: the truth the control plane reconciles to. */
public enum PowerState {
    RUNNING,
    PAUSED,
    SHUTTING_DOWN,
    SHUT_OFF,
    CRASHED,
    /** libvirt has no domain of that id (never created, or deleted). */
    MISSING
}
