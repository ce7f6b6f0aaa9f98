package cloud.minicloud.core.node;

import java.util.List;
import java.util.Optional;

/** Where compute nodes are kept. */
public interface NodeRepository {

    List<ComputeNode> all();

    Optional<ComputeNode> find(long id);

    Optional<ComputeNode> findByUri(String uri);

    void add(ComputeNode node);
}
