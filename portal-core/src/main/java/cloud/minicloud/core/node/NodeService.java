package cloud.minicloud.core.node;

import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.identity.Role;
import cloud.minicloud.hypervisor.HypervisorException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** Compute nodes for cloud admins, and the probe that asks each node what it is. */
@ApplicationScoped
public class NodeService {

    @Inject
    NodeRepository nodes;

    @Inject
    NodeDrivers drivers;

    @Transactional
    public List<NodeView> list(Caller caller) {
        caller.require(Role.CLOUD_ADMIN);
        return nodes.all().stream().map(ComputeNode::view).toList();
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
