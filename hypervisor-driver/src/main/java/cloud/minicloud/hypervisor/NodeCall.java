package cloud.minicloud.hypervisor;

/**
 * The kinds of call a driver makes to a node, as operators see them in metrics. Long calls (disk
 * copies, defines, boots, the KVM canary) may take seconds on a busy node; a driver never lets
 * them take every slot of a connection, so short ones (states, listings, probes) still get through.
 */
public enum NodeCall {
    NODE_INFO(false),
    FINGERPRINT(false),
    KVM_CANARY(true),
    STORAGE_POOL(true),
    TEMPLATE_UPLOAD(true),
    TEMPLATE_LOOKUP(false),
    TEMPLATE_DELETE(true),
    NETWORK_ENSURE(true),
    NETWORK_DELETE(true),
    CREATE(true),
    START(true),
    SHUTDOWN(false),
    DESTROY(true),
    REBOOT(true),
    DELETE(true),
    RESIZE(true),
    DISK_EXPORT(true),
    MIGRATE(true),
    MIGRATION_PROGRESS(false),
    POWER_STATE(false),
    CONSOLE(false),
    LIST(false),
    WATCH(false);

    private final boolean slow;

    NodeCall(boolean slow) {
        this.slow = slow;
    }

    /** Whether the call may take seconds (and so must leave room for the short ones). */
    public boolean slow() {
        return slow;
    }

    /** The name in metrics: lower case. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
