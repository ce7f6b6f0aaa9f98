package cloud.minicloud.core.node;

import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.identity.Role;
import cloud.minicloud.hypervisor.HypervisorException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import cloud.minicloud.core.NotFoundException;
import java.util.List;
import java.util.Map;

/** Compute nodes for cloud admins, and the probe that asks each node what it is. */
@ApplicationScoped
public class NodeService {

    @Inject
    NodeRepository nodes;

    @Inject
    NodeDrivers drivers;

    @Inject
    cloud.minicloud.core.instance.InstanceRepository instances;

    @Transactional
    public List<NodeView> list(Caller caller) {
        caller.require(Role.CLOUD_ADMIN);
        Map<Long, NodeCapacity> claimed = nodes.claimedByNode();
        return nodes.all().stream().map(node -> node.view(claimed.getOrDefault(node.id(), NodeCapacity.NONE))).toList();
    }

    /** A cloud admin changes a node's overcommit ratios, enables or disables it, or puts it in maintenance. */
    @Transactional
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

    /** Every node's id, for the periodic sweep. */
    @Transactional
    public List<Long> nodeIds() {
        return nodes.all().stream().map(ComputeNode::id).toList();
    }

    /** Registers the node deploy/ prepared on this machine, once; answers its id. */
    @Transactional
    public long registerLocal(String uri, String poolPath, String canaryDir) {
        return nodes.findByUri(uri).orElseGet(() -> {
            ComputeNode node = ComputeNode.register("local", uri, poolPath, canaryDir);
            nodes.add(node);
            return node;
        }).id();
    }

    @Inject
    NodeProbeLog probeLog;

    /**
     * Asks the node for its size and virt type (the first time this may boot a KVM canary, for
     * seconds) outside any transaction, then records the answer in one.
     */
    public void probe(long nodeId) {
        ComputeNode node = probeLog.load(nodeId);
        try {
            drivers.of(node).ensureStoragePool();
            probeLog.found(nodeId, drivers.of(node).nodeInfo());
        } catch (HypervisorException | UnsupportedOperationException e) {
            probeLog.failed(nodeId, e.getMessage());
        }
    }
}
