package cloud.minicloud.core.node;

import cloud.minicloud.core.testing.Entities;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Compute nodes and capacity claims in memory. */
public class MemoryNodeRepository implements NodeRepository {

    private final List<ComputeNode> nodes = new CopyOnWriteArrayList<>();
    private final Map<UUID, CapacityClaim> claims = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public List<ComputeNode> all() {
        return nodes.stream().sorted(Comparator.comparing(ComputeNode::name)).toList();
    }

    @Override
    public Optional<ComputeNode> find(long id) {
        return nodes.stream().filter(n -> n.id() == id).findFirst();
    }

    @Override
    public Optional<ComputeNode> findByUri(String uri) {
        return nodes.stream().filter(n -> n.uri().equals(uri)).findFirst();
    }

    @Override
    public Optional<ComputeNode> findByName(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    @Override
    public void add(ComputeNode node) {
        Entities.set(node, "id", ids.incrementAndGet());
        nodes.add(node);
    }

    @Override
    public void remove(ComputeNode node) {
        nodes.removeIf(n -> n.id() == node.id());
        claims.values().removeIf(claim -> claim.nodeId() == node.id());
    }

    @Override
    public Optional<ComputeNode> findByTunnelAddress(String address) {
        return nodes.stream().filter(n -> address.equals(n.tunnelAddress())).findFirst();
    }

    @Override
    public List<ComputeNode> lockAll() {
        return nodes.stream().sorted(Comparator.comparing(ComputeNode::id)).toList();
    }

    @Override
    public ComputeNode lock(long id) {
        return find(id).orElseThrow();
    }

    @Override
    public Map<Long, NodeCapacity> claimedByNode() {
        Map<Long, NodeCapacity> claimed = new HashMap<>();
        claims.values().forEach(c -> claimed.merge(c.nodeId(), c.amount(), NodeCapacity::plus));
        return claimed;
    }

    @Override
    public void addClaim(CapacityClaim claim) {
        claims.put(UUID.fromString((String) Entities.get(claim, "instanceId")), claim);
    }

    @Override
    public Optional<CapacityClaim> findClaim(UUID instance) {
        return Optional.ofNullable(claims.get(instance));
    }

    @Override
    public void removeClaim(UUID instance) {
        claims.remove(instance);
    }

    public int claims() {
        return claims.size();
    }
}
