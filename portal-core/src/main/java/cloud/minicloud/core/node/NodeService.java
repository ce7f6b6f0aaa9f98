package cloud.minicloud.core.node;

import cloud.minicloud.core.ConflictException;
import cloud.minicloud.core.InvalidRequestException;
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

    /** A cloud admin changes a node's overcommit ratios, name, zone or tunnel address, enables or disables it, or puts it in maintenance. */
    @Transactional
    @Audited
    public NodeView configure(Caller caller, String name, NodeSettingsChange change) {
        caller.require(Role.CLOUD_ADMIN);
        ComputeNode node = nodes.findByName(name).orElseThrow(() -> new NotFoundException("compute node", name));
        if (change.name() != null && !change.name().equals(name) && nodes.findByName(change.name()).isPresent()) {
            throw new ConflictException("name-taken", "a node is named " + change.name() + " already; choose another name");
        }
        if (change.tunnelAddress() != null && !change.clearsTunnel()) {
            nodes.findByTunnelAddress(change.tunnelAddress()).filter(other -> other.id() != node.id()).ifPresent(other -> {
                throw new ConflictException("in-use", "node " + other.name() + " uses the tunnel address " + change.tunnelAddress()
                        + " already; each node's must be its own");
            });
        }
        // Other nodes learn a changed tunnel address at their next sweep (the reconciler sets every network's peers).
        nodes.lock(node.id()).configure(change);
        return node.view(nodes.claimedByNode().getOrDefault(node.id(), NodeCapacity.NONE));
    }

    /** A cloud admin ends the node's maintenance: it takes new instances again. */
    @Transactional
    @Audited
    public NodeView endMaintenance(Caller caller, String name) {
        maintenance(caller, name, false);
        return probeLog.view(name);
    }

    /** A cloud admin puts the node in maintenance (it takes no new instances) or ends it; answers its id. */
    @Transactional
    @Audited
    public long maintenance(Caller caller, String name, boolean on) {
        caller.require(Role.CLOUD_ADMIN);
        ComputeNode node = nodes.findByName(name).orElseThrow(() -> new NotFoundException("compute node", name));
        nodes.lock(node.id()).maintenance(on);
        return node.id();
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

    /**
     * A cloud admin adds a compute node: checked, tried (its storage pool made ready and its size
     * and virt type asked for, outside any transaction), then recorded and probed as every node
     * is. A node that fails a step is not recorded and its connection is closed; the answer says
     * what each step found. The pool made on the node stays there, ready for another try.
     */
    @Audited
    public AddedNode add(Caller caller, NewNode request) {
        caller.require(Role.CLOUD_ADMIN);
        if (request == null) {
            throw new InvalidRequestException("send {\"name\",\"uri\",\"tunnelAddress\",\"zone\"}");
        }
        NewNode asked = request.checked();
        registry.refuseTaken(asked);
        ComputeNode node = ComputeNode.added(asked, ADDED_NODE_POOL, settings.localNodeRequests());
        List<NodeStep> steps = new java.util.ArrayList<>();
        HypervisorDriver tried = drivers.open(node);
        try {
            step(steps, "storage pool", asked, () -> {
                tried.ensureStoragePool();
                return "ready at " + node.poolPath();
            });
            step(steps, "probe", asked, () -> {
                NodeInfo info = tried.nodeInfo();
                return "%d CPUs, %d MiB of memory, %d GiB of storage, virt type %s".formatted(info.cpus(), info.memoryMib(),
                        info.storageGib(), info.virtType());
            });
            long id = registry.add(node, asked);
            steps.add(new NodeStep("record", "registered in zone " + asked.zone()));
            drivers.keep(node, tried);
            probe(id);
            return new AddedNode(probeLog.view(asked.name()), steps);
        } catch (RuntimeException refused) {
            tried.close();
            throw refused;
        }
    }

    /** Where a node added at runtime keeps its disks: libvirt's own place for images on the node. */
    static final String ADDED_NODE_POOL = "/var/lib/libvirt/images/minicloud";

    /** Runs a step of adding a node; a node that fails it is refused, saying which step and what to check. */
    private static void step(List<NodeStep> steps, String name, NewNode node, java.util.function.Supplier<String> step) {
        try {
            steps.add(new NodeStep(name, step.get()));
        } catch (NodeUnreachableException unreachable) {
            throw new InvalidRequestException("node " + node.name() + " was not added: " + node.uri() + " did not answer ("
                    + unreachable.getMessage() + "); check that libvirtd listens there and this server may connect "
                    + "(deploy/compute prepares a machine); nothing was recorded");
        } catch (cloud.minicloud.hypervisor.HypervisorException failed) {
            throw new InvalidRequestException("node " + node.name() + " was not added: its " + name + " step failed ("
                    + failed.getMessage() + "); nothing was recorded");
        }
    }

    /**
     * A cloud admin removes a node no instance lives on (deleted ones keep no node); the local node
     * comes back at every start, so it is disabled instead.
     */
    @Transactional
    @Audited
    public void remove(Caller caller, String name) {
        caller.require(Role.CLOUD_ADMIN);
        ComputeNode node = nodes.findByName(name).orElseThrow(() -> new NotFoundException("compute node", name));
        if (node.uri().equals(settings.localNodeUri())) {
            throw new ConflictException("in-use", "node " + name + " is this machine's, registered again at every start; "
                    + "disable it instead");
        }
        nodes.lock(node.id());
        int living = instances.liveOnNode(node.id()).size();
        if (living > 0) {
            throw new ConflictException("in-use", "node " + name + " still holds " + living
                    + " instances; drain it (POST /api/v1/admin/nodes/" + name + "/drain) or delete them first");
        }
        nodes.remove(node);
        afterCommit.run(() -> drivers.forget(node.uri()));
    }

    @Inject
    NodeRegistry registry;

    @Inject
    cloud.minicloud.core.config.CloudSettings settings;

    @Inject
    cloud.minicloud.core.AfterCommit afterCommit;

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
