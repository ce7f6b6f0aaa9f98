package cloud.minicloud.hypervisor;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * One compute node, as the control plane drives it. This interface is the spec every driver
 * (libvirt's test driver, real QEMU/KVM) must meet; one contract test suite checks them all.
 *
 * <ul>
 *   <li>Only plain JDK and this package's types cross it: no libvirt object, UUID string format or XML.</li>
 *   <li>{@link #create} either fully succeeds or leaves nothing behind: no volume, no definition.</li>
 *   <li>{@link #destroy} and {@link #delete} of something already gone succeed: callers retry freely.</li>
 *   <li>Every operation is safe to call from many threads at once.</li>
 *   <li>A node that cannot be reached fails with {@link NodeUnreachableException} and changes nothing.</li>
 *   <li>A node that answers slowly never gets more calls at once than it serves per client; a call
 *       that finds no free slot in time fails with {@link NodeBusyException} and changes nothing.</li>
 * </ul>
 */
public interface HypervisorDriver extends AutoCloseable {

    /**
     * The node's size, free memory and how it runs guests (KVM confirmed by a canary, else
     * emulation). The virt type is decided once per node, however many callers ask at once, and
     * a decision handed over in {@link NodeSettings} stands while the node's fingerprint is unchanged.
     */
    NodeInfo nodeInfo();

    /** Forgets the virt type: the next call that needs it decides again with a canary (an admin asked). */
    void redetectVirtType();

    /** What this driver can do on its node. */
    DriverCapabilities capabilities();

    /** Makes sure the node's storage pool for templates and disks exists and is active. Idempotent. */
    void ensureStoragePool();

    /**
     * Stores a template on the node from a qcow2 stream of {@code sizeBytes}. The stored copy's
     * SHA-256, read back from the node, must equal {@code sha256}, else it is removed and this
     * fails. Replaces nothing: a template of that name must not exist yet.
     */
    void uploadTemplate(String name, InputStream qcow2, long sizeBytes, String sha256, UploadProgress progress);

    boolean hasTemplate(String name);

    /** Removes a template; refused while an instance disk on the node still uses it as backing file. */
    void deleteTemplate(String name);

    /**
     * Makes sure the tenant network exists and is active on this node, as a bridge with no host
     * address that guests could reach, joined to exactly the spec's VXLAN peers (a running
     * network's peers change in place: its guests keep their links). Idempotent.
     */
    void ensureNetwork(TenantNetworkSpec network);

    /** Removes the tenant network from this node. A network already gone is fine. */
    void deleteNetwork(UUID network);

    /** Creates the instance's disks (system disk from the template, data disks) and defines it, stopped. */
    void create(InstanceSpec spec);

    void start(UUID id);

    /** Asks the guest to shut down; if it has not within the timeout, powers it off. Returns when it is off. */
    void stop(UUID id, Duration gracePeriod);

    void reboot(UUID id);

    /** Powers the guest off at once. A guest already off, or missing, is fine. */
    void destroy(UUID id);

    /** Powers off, undefines and removes every disk of the instance. A missing instance is fine. */
    void delete(UUID id);

    /**
     * Writes a stopped instance's system disk to {@code out} as one standalone qcow2, flattened
     * (no backing file: the template's content is folded in), and answers how many bytes it
     * wrote. Refused while the guest runs; leaves nothing new on the node. Supported where
     * {@link DriverCapabilities#templateUpload()} says volumes can be streamed. A failure of
     * {@code out} ends the export with {@link java.io.UncheckedIOException} carrying it.
     */
    long exportSystemDisk(UUID id, java.io.OutputStream out, UploadProgress progress);

    /** Changes vCPUs and memory of a stopped instance. */
    void resize(UUID id, int vcpus, long memoryMib);

    /**
     * Moves an instance to {@code target}, without shared storage. A running one moves live: its
     * disks are copied with its memory, its first-boot seed, serial log and screen follow, and it
     * is undefined here once it runs there; this node's hypervisor sends to {@code targetAddress}
     * (the target's tunnel address), and its tenant networks must exist on the target first. A
     * stopped one moves cold: its disks (flattened: the target needs no template) and seed are
     * streamed there and it is defined there, stopped. Either way what is left of it here is then
     * deleted, and on failure it stays here as it was, with nothing of it left on the target.
     */
    MigrationReport migrate(UUID id, HypervisorDriver target, String targetAddress, UploadProgress progress);

    PowerState powerState(UUID id);

    /** The VNC endpoint of a running guest; empty when it is not running. */
    java.util.Optional<ConsoleEndpoint> vncEndpoint(UUID id);

    /**
     * The end of the guest's serial console log, at most {@code maxBytes}. Supported where
     * {@link DriverCapabilities#serialLog()} says so (the log file is on the node's disk).
     */
    String serialLog(UUID id, int maxBytes);

    /** The guests on this node that belong to this cloud (by their metadata), whatever their state. */
    List<InstanceRecord> listInstances();

    /**
     * Calls the listener with every lifecycle change on the node, on a thread of the driver's own
     * (never libvirt's event thread), until the returned handle is closed. The subscription
     * survives reconnections.
     */
    AutoCloseable watchLifecycle(java.util.function.Consumer<LifecycleEvent> listener);

    /** Whether the node's libvirtd answered the last call; a lost node is retried with backoff. */
    boolean reachable();

    @Override
    void close();

    /** Progress of a long transfer: called with the bytes done so far. */
    @FunctionalInterface
    interface UploadProgress {
        void transferred(long bytesDone, long bytesTotal);
    }
}
