package cloud.minicloud.core.node;

import cloud.minicloud.core.audit.Audited;
import cloud.minicloud.core.NotFoundException;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.identity.Role;
import cloud.minicloud.hypervisor.HypervisorDriver;
import cloud.minicloud.hypervisor.HypervisorException;
import cloud.minicloud.hypervisor.NodeUnreachableException;
import cloud.minicloud.hypervisor.NodeInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Compute nodes for cloud admins, and the probe that asks each node what it is. */
@ApplicationScoped
public class NodeService {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(NodeService.class.getName());

    @Inject
    NodeRepository nodes;

    @Inject
    NodeDrivers drivers;

    @Inject
    cloud.minicloud.core.instance.InstanceRepository instances;

    @Inject
    NodeCalls calls;

    @Transactional
    public List<NodeView> list(Caller caller) {
        caller.require(Role.CLOUD_ADMIN);
        Map<Long, NodeCapacity> claimed = nodes.claimedByNode();
        return nodes.all().stream().map(node -> node.view(claimed.getOrDefault(node.id(), NodeCapacity.NONE))).toList();
    }

    /** A cloud admin changes a node's overcommit ratios, enables or disables it, or puts it in maintenance. */
    @Transactional
    @Audited
    public NodeView configure(Caller caller, String name, NodeSettingsChange change) {
        caller.require(Role.CLOUD_ADMIN);
        ComputeNode node = nodes.findByName(name).orElseThrow(() -> new NotFoundException("compute node", name));
        nodes.lock(node.id()).configure(change);
        return node.view(nodes.claimedByNode().getOrDefault(node.id(), NodeCapacity.NONE));
    }

    /** A node by id, for the reconciler and tasks. */
    @Transactional
    public ComputeNode node(long nodeId) {
        return probeLog.load(nodeId);
    }

    /** The instances the database places on the node (not deleted). */
    @Transactional
    public java.util.Set<java.util.UUID> instancesOn(long nodeId) {
        return instances.liveOnNode(nodeId);
    }

    /** Whether any node answered its last probe: without one no order can be placed. */
    @Transactional
    public boolean anyReachable() {
        return nodes.all().stream().anyMatch(ComputeNode::reachable);
    }

    /**
     * How many tasks may drive each node at once from one server: as many slow calls as one
     * connection to it carries (its libvirtd's per-client limit decides), for every node.
     */
    @Transactional
    public Map<Long, Integer> taskSlots() {
        Map<Long, Integer> slots = new java.util.HashMap<>();
        nodes.all().forEach(node -> slots.put(node.id(), cloud.minicloud.hypervisor.CallGate.slowSlots(node.clientRequests())));
        return slots;
    }

    /** Every node's id, for the periodic sweep. */
    @Transactional
    public List<Long> nodeIds() {
        return nodes.all().stream().map(ComputeNode::id).toList();
    }

    /**
     * Registers the node deploy/ prepared on this machine, once; answers its id. Its libvirtd's
     * per-client request limit is deploy/'s to set, so it is taken afresh at every start.
     */
    @Transactional
    public long registerLocal(String uri, String poolPath, String canaryDir, int clientRequests) {
        return register("local", uri, poolPath, canaryDir, clientRequests);
    }

    /** Registers a node by its libvirt URI unless it is known; either way answers its id. */
    @Transactional
    public long register(String name, String uri, String poolPath, String canaryDir, int clientRequests) {
        ComputeNode node = nodes.findByUri(uri).orElseGet(() -> {
            ComputeNode added = ComputeNode.register(name, uri, poolPath, canaryDir, clientRequests);
            nodes.add(added);
            return added;
        });
        node.servesRequests(clientRequests);
        return node.id();
    }

    /** A cloud admin asks for the node to be probed now, deciding its virt type again if {@code redetect}. */
    @Audited
    public NodeView reprobe(Caller caller, String name, boolean redetect) {
        caller.require(Role.CLOUD_ADMIN);
        ComputeNode node = probeLog.named(name);
        if (redetect) {
            drivers.of(node).redetectVirtType();
        }
        probe(node.id());
        return probeLog.view(name);
    }

    @Inject
    NodeProbeLog probeLog;

    /**
     * Asks the node for its size and virt type outside any transaction (a node whose type is not
     * known yet boots a KVM canary, for seconds), then records the answer and the node's health in
     * one: degraded if the driver found something wrong, the probe was slow, or a recent call was.
     */
    public void probe(long nodeId) {
        ComputeNode node = probeLog.load(nodeId);
        HypervisorDriver driver = drivers.of(node);
        long started = System.nanoTime();
        try {
            driver.ensureStoragePool();
            NodeInfo info = driver.nodeInfo();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            probeLog.found(nodeId, info, driver.capabilities().templateUpload(), problem(node, info, took));
        } catch (NodeUnreachableException e) {
            LOG.warning(() -> "node " + node.name() + " is unreachable: " + e.getMessage());
            probeLog.failed(nodeId, e.getMessage());
        } catch (HypervisorException | UnsupportedOperationException e) {
            // It answered, with an error or too slowly to take the call: degraded, not gone.
            LOG.warning(() -> "node " + node.name() + " could not be probed: " + e.getMessage());
            probeLog.degraded(nodeId, e.getMessage());
        }
    }

    private String problem(ComputeNode node, NodeInfo info, Duration probe) {
        List<String> problems = new ArrayList<>(info.warnings());
        // A probe that decided the virt type booted a canary: its time says nothing about the node.
        if (probe.compareTo(NodeCalls.SLOW) > 0 && node.virtTypeKnown()) {
            problems.add("it took %.1f s to answer a probe (normally well under a second)".formatted(probe.toMillis() / 1000.0));
        }
        calls.recentSlowCall(node.uri(), Instant.now()).ifPresent(slow -> problems.add(slow.describe()));
        return problems.isEmpty() ? null : String.join("; ", problems);
    }
}
