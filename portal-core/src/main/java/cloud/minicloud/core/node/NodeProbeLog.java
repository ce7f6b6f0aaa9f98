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

    public void found(long nodeId, NodeInfo info) {
        load(nodeId).probed(info, Instant.now());
    }

    public void failed(long nodeId, String reason) {
        load(nodeId).unreachable(reason, Instant.now());
    }
}
