package cloud.minicloud.core.node;

import java.util.List;

/** A node added, as it is now, and the steps that added it. */
public record AddedNode(NodeView node, List<NodeStep> steps) {
}
