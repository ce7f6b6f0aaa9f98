package cloud.minicloud.core.node;

import cloud.minicloud.core.NotFoundException;
import cloud.minicloud.hypervisor.NodeInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Writes what probing a node found, each in a short transaction of its own. */
@ApplicationScoped
@Transactional
public class NodeProbeLog {

    @Inject
    NodeRepository nodes;

    public ComputeNode load(long nodeId) {
        return nodes.find(nodeId).orElseThrow(() -> new NotFoundException("compute node", Long.toString(nodeId)));
    }

    public ComputeNode named(String name) {
        return nodes.findByName(name).orElseThrow(() -> new NotFoundException("compute node", name));
    }

    /** The node answered; {@code problem} says what is wrong with it anyway, or is null. */
    public void found(long nodeId, NodeInfo info, boolean receivesImages, String problem) {
        load(nodeId).probed(info, receivesImages, problem, Instant.now());
    }

    public void failed(long nodeId, String reason) {
        load(nodeId).unreachable(reason, Instant.now());
    }

    /** The node answered, but with an error or too slowly to be probed: degraded, its reachability unchanged. */
    public void degraded(long nodeId, String reason) {
        load(nodeId).degraded(reason, Instant.now());
    }

    public NodeView view(String name) {
        ComputeNode node = named(name);
        return node.view(nodes.claimedByNode().getOrDefault(node.id(), NodeCapacity.NONE));
    }
}
