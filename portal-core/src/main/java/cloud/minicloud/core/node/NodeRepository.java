package cloud.minicloud.core.node;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Where compute nodes and the capacity claims on them are kept. */
public interface NodeRepository {

    List<ComputeNode> all();

    Optional<ComputeNode> find(long id);

    Optional<ComputeNode> findByUri(String uri);

    Optional<ComputeNode> findByName(String name);

    void add(ComputeNode node);

    /** Removes a node no live instance is on, and what refers to it (deleted instances and old tasks keep no node). */
    void remove(ComputeNode node);

    Optional<ComputeNode> findByTunnelAddress(String address);

    /** Every node, locked until the transaction ends: placement decides while holding them. */
    List<ComputeNode> lockAll();

    /** The node's row locked, so a claim on it can grow without racing placement. */
    ComputeNode lock(long id);

    /** Per node id, the sum of the claims on it. */
    Map<Long, NodeCapacity> claimedByNode();

    void addClaim(CapacityClaim claim);

    Optional<CapacityClaim> findClaim(UUID instance);

    void removeClaim(UUID instance);
}
