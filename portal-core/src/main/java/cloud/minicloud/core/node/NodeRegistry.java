package cloud.minicloud.core.node;

import cloud.minicloud.core.ConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** The database's part of adding a node, each in a short transaction of its own: the node is tried between them. */
@ApplicationScoped
public class NodeRegistry {

    @Inject
    NodeRepository nodes;

    /** Refuses a node whose name, URI or tunnel address another node has, saying which. */
    @Transactional
    public void refuseTaken(NewNode node) {
        if (nodes.findByName(node.name()).isPresent()) {
            throw new ConflictException("name-taken", "a node is named " + node.name() + " already; choose another name");
        }
        nodes.findByUri(node.uri()).ifPresent(known -> {
            throw new ConflictException("in-use", node.uri() + " is registered already, as node " + known.name());
        });
        nodes.findByTunnelAddress(node.tunnelAddress()).ifPresent(known -> {
            throw new ConflictException("in-use", "node " + known.name() + " uses the tunnel address " + node.tunnelAddress()
                    + " already; each node's must be its own");
        });
    }

    /** Records a node that was tried, unless another took its name, URI or address meanwhile; answers its id. */
    @Transactional
    public long add(ComputeNode node, NewNode as) {
        refuseTaken(as);
        nodes.add(node);
        return node.id();
    }
}
