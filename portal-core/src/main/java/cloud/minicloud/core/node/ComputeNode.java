package cloud.minicloud.core.node;

import cloud.minicloud.hypervisor.NodeInfo;
import cloud.minicloud.hypervisor.NodeSettings;
import cloud.minicloud.hypervisor.VirtType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A server that runs guests, reached through libvirt, with what its last probe found. */
@Entity
@Table(name = "compute_node")
public class ComputeNode {

    private static final int MAX_ERROR = 512;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;
    private String uri;
    private String zone;

    @Column(name = "tunnel_address")
    private String tunnelAddress;

    @Column(name = "pool_path")
    private String poolPath;

    @Column(name = "canary_dir")
    private String canaryDir;

    @Column(name = "cpu_ratio")
    private BigDecimal cpuRatio;

    @Column(name = "memory_ratio")
    private BigDecimal memoryRatio;

    @Column(name = "disk_ratio")
    private BigDecimal diskRatio;

    @Column(name = "client_requests")
    private int clientRequests;

    private boolean enabled;
    private boolean maintenance;
    private Integer cpus;

    @Column(name = "memory_mib")
    private Long memoryMib;

    @Column(name = "storage_gib")
    private Long storageGib;

    @Column(name = "virt_type")
    private String virtType;

    @Column(name = "virt_fingerprint")
    private String virtFingerprint;

    @Column(name = "receives_images")
    private boolean receivesImages;

    private boolean reachable;

    @Enumerated(EnumType.STRING)
    private NodeHealth health;

    @Column(name = "health_reason")
    private String healthReason;

    @Column(name = "health_since")
    private Instant healthSince;

    @Column(name = "last_probe_at")
    private Instant lastProbeAt;

    @Column(name = "last_error")
    private String lastError;

    protected ComputeNode() {
    }

    static ComputeNode register(String name, String uri, String poolPath, String canaryDir, int clientRequests) {
        ComputeNode node = new ComputeNode();
        node.clientRequests = clientRequests;
        node.health = NodeHealth.UNKNOWN;
        node.name = name;
        node.uri = uri;
        node.zone = "default";
        node.poolPath = poolPath;
        node.canaryDir = canaryDir;
        node.cpuRatio = new BigDecimal("4.00");
        node.memoryRatio = new BigDecimal("1.00");
        node.diskRatio = new BigDecimal("1.00");
        node.enabled = true;
        return node;
    }

    /** A node a cloud admin adds at runtime, before it is stored: tried first, registered only if it answers. */
    static ComputeNode added(NewNode node, String poolPath, int clientRequests) {
        ComputeNode added = register(node.name(), node.uri(), poolPath, null, clientRequests);
        added.zone = node.zone();
        added.tunnelAddress = node.tunnelAddress();
        return added;
    }

    /**
     * Records what the driver found on the node: its size, virt type (and the fingerprint it was
     * decided for), and whether anything is wrong with it (then it is degraded, saying what).
     */
    void probed(NodeInfo info, boolean canReceiveImages, String problem, Instant at) {
        cpus = info.cpus();
        memoryMib = info.memoryMib();
        storageGib = info.storageGib();
        virtType = info.virtType().name();
        virtFingerprint = info.virtFingerprint();
        receivesImages = canReceiveImages;
        reachable = true;
        lastError = null;
        lastProbeAt = at;
        becomes(problem == null ? NodeHealth.UP : NodeHealth.DEGRADED, problem, at);
    }

    /** Records that the node could not be probed, and why. */
    void unreachable(String reason, Instant at) {
        reachable = false;
        lastError = clip(reason == null ? "unknown" : reason);
        lastProbeAt = at;
        becomes(NodeHealth.UNREACHABLE, lastError, at);
    }

    /** Records that the node answered a probe with an error, or too slowly: degraded, but not gone. */
    void degraded(String reason, Instant at) {
        lastProbeAt = at;
        becomes(NodeHealth.DEGRADED, reason, at);
    }

    /** Health changes keep the time they began: "unreachable since 17:02" stays true while it lasts. */
    private void becomes(NodeHealth next, String reason, Instant at) {
        if (next != health) {
            healthSince = at;
        }
        health = next;
        healthReason = reason == null ? null : clip(reason);
    }

    private static String clip(String text) {
        return text.substring(0, Math.min(text.length(), MAX_ERROR));
    }

    /** The libvirt side of this node as its driver needs it, with the virt type decided before. */
    public NodeSettings driverSettings(String serialLogDir) {
        return new NodeSettings(uri, "minicloud", poolPath, serialLogDir, canaryDir, clientRequests,
                virtType == null ? null : VirtType.valueOf(virtType), virtFingerprint);
    }

    /** deploy/ configures the local node's libvirtd: its per-client request limit may change between runs. */
    void servesRequests(int requests) {
        clientRequests = requests;
    }

    /** How many calls its libvirtd serves per client at once. */
    public int clientRequests() {
        return clientRequests;
    }

    /** Whether a virt type was decided for this node (by this run or an earlier one). */
    boolean virtTypeKnown() {
        return virtType != null && virtFingerprint != null;
    }

    /** Whether its libvirtd answered the last probe. */
    public boolean reachable() {
        return reachable;
    }

    /** Where other nodes' hypervisors send a guest that moves here: its tunnel address, or its URI's host; null if neither. */
    public String migrationAddress() {
        return tunnelAddress != null ? tunnelAddress : java.net.URI.create(uri).getHost();
    }

    /** Whether the node has not answered since before {@code cutoff}. */
    public boolean silentSince(Instant cutoff) {
        return !reachable && health == NodeHealth.UNREACHABLE && healthSince != null && healthSince.isBefore(cutoff);
    }

    public Instant healthSince() {
        return healthSince;
    }

    public NodeHealth health() {
        return health;
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String zone() {
        return zone;
    }

    public String tunnelAddress() {
        return tunnelAddress;
    }

    /** Whether placement may put new instances here at all (capacity aside): images must reach it too. */
    public boolean acceptsInstances() {
        return enabled && !maintenance && reachable && receivesImages && cpus != null && memoryMib != null;
    }

    /** Whether a cloud admin lets the node take new instances (health aside). */
    public boolean inService() {
        return enabled && !maintenance;
    }

    /** What the node offers once overcommit is applied: the ceiling that claims are held under. */
    public NodeCapacity capacity() {
        if (cpus == null || memoryMib == null) {
            return new NodeCapacity(0, 0, 0);
        }
        return new NodeCapacity(times(cpus, cpuRatio), times(memoryMib, memoryRatio),
                storageGib == null ? 0 : times(storageGib, diskRatio));
    }

    private static long times(long amount, BigDecimal ratio) {
        return ratio.multiply(BigDecimal.valueOf(amount)).longValue();
    }

    /** In maintenance a node takes no new instances (a drain empties it); ending it makes it take them again. */
    void maintenance(boolean on) {
        maintenance = on;
    }

    /** A cloud admin's settings: overcommit ratios, whether it takes new instances, maintenance, name, zone, tunnel. */
    void configure(NodeSettingsChange change) {
        name = change.name() == null ? name : change.name();
        zone = change.zone() == null ? zone : change.zone();
        tunnelAddress = change.tunnelAddress() == null ? tunnelAddress : change.clearsTunnel() ? null : change.tunnelAddress();
        cpuRatio = change.cpuRatio();
        memoryRatio = change.memoryRatio();
        diskRatio = change.diskRatio();
        enabled = change.enabled();
        maintenance = change.maintenance();
    }

    public String uri() {
        return uri;
    }

    public String poolPath() {
        return poolPath;
    }

    public String canaryDir() {
        return canaryDir;
    }

    public NodeView view(NodeCapacity claimed) {
        return new NodeView(name, uri, zone, tunnelAddress, enabled, maintenance, cpus, memoryMib, storageGib, cpuRatio, memoryRatio,
                diskRatio, capacity(), claimed, virtType, virtFingerprint, clientRequests, reachable, health, healthReason,
                healthSince, lastProbeAt, lastError);
    }
}
