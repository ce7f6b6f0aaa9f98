package cloud.minicloud.core.node;

import cloud.minicloud.hypervisor.NodeInfo;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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

    private boolean enabled;
    private boolean maintenance;
    private Integer cpus;

    @Column(name = "memory_mib")
    private Long memoryMib;

    @Column(name = "storage_gib")
    private Long storageGib;

    @Column(name = "virt_type")
    private String virtType;

    private boolean reachable;

    @Column(name = "last_probe_at")
    private Instant lastProbeAt;

    @Column(name = "last_error")
    private String lastError;

    protected ComputeNode() {
    }

    static ComputeNode register(String name, String uri, String poolPath, String canaryDir) {
        ComputeNode node = new ComputeNode();
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

    /** Records what the driver found on the node. */
    void probed(NodeInfo info, Instant at) {
        cpus = info.cpus();
        memoryMib = info.memoryMib();
        storageGib = info.storageGib();
        virtType = info.virtType().name();
        reachable = true;
        lastError = null;
        lastProbeAt = at;
    }

    /** Records that the node could not be probed, and why. */
    void unreachable(String reason, Instant at) {
        reachable = false;
        lastError = reason == null ? "unknown" : reason.substring(0, Math.min(reason.length(), MAX_ERROR));
        lastProbeAt = at;
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

    /** Whether placement may put new instances here at all (capacity aside). */
    public boolean acceptsInstances() {
        return enabled && !maintenance && reachable && cpus != null && memoryMib != null;
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

    /** A cloud admin's settings: overcommit ratios, whether it takes new instances, maintenance. */
    void configure(NodeSettingsChange change) {
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
        return new NodeView(name, uri, zone, enabled, maintenance, cpus, memoryMib, storageGib, cpuRatio, memoryRatio,
                diskRatio, capacity(), claimed, virtType, reachable, lastProbeAt, lastError);
    }
}
