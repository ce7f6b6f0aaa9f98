package cloud.minicloud.core.node;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaNodeRepository implements NodeRepository {

    @PersistenceContext(unitName = "minicloud")
    EntityManager em;

    @Override
    public List<ComputeNode> all() {
        return em.createQuery("select n from ComputeNode n order by n.name", ComputeNode.class).getResultList();
    }

    @Override
    public Optional<ComputeNode> find(long id) {
        return Optional.ofNullable(em.find(ComputeNode.class, id));
    }

    @Override
    public Optional<ComputeNode> findByUri(String uri) {
        return em.createQuery("select n from ComputeNode n where n.uri = :uri", ComputeNode.class)
                .setParameter("uri", uri)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<ComputeNode> findByName(String name) {
        return em.createQuery("select n from ComputeNode n where n.name = :name", ComputeNode.class)
                .setParameter("name", name)
                .getResultStream()
                .findFirst();
    }

    @Override
    public void add(ComputeNode node) {
        em.persist(node);
    }

    @Override
    public void remove(ComputeNode node) {
        long id = node.id();
        em.createQuery("update Instance i set i.nodeId = null where i.nodeId = :node").setParameter("node", id).executeUpdate();
        em.createNativeQuery("UPDATE task SET node_id = NULL WHERE node_id = ?1").setParameter(1, id).executeUpdate();
        em.createNativeQuery("DELETE FROM node_template WHERE node_id = ?1").setParameter(1, id).executeUpdate();
        em.createNativeQuery("DELETE FROM capacity_claim WHERE node_id = ?1").setParameter(1, id).executeUpdate();
        em.remove(em.contains(node) ? node : em.merge(node));
    }

    @Override
    public Optional<ComputeNode> findByTunnelAddress(String address) {
        return em.createQuery("select n from ComputeNode n where n.tunnelAddress = :address", ComputeNode.class)
                .setParameter("address", address)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<ComputeNode> lockAll() {
        // Always in id order, so two placements never wait on each other in a circle.
        List<ComputeNode> locked = em.createQuery("select n from ComputeNode n order by n.id", ComputeNode.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        // Rows already in the persistence context keep their old state in a query's result: reload them.
        locked.forEach(em::refresh);
        return locked;
    }

    @Override
    public ComputeNode lock(long id) {
        // Locked and reloaded: a copy read earlier in the transaction may be stale once the lock is granted.
        ComputeNode node = em.find(ComputeNode.class, id);
        em.refresh(node, LockModeType.PESSIMISTIC_WRITE);
        return node;
    }

    @Override
    public Map<Long, NodeCapacity> claimedByNode() {
        Map<Long, NodeCapacity> claimed = new HashMap<>();
        em.createQuery("""
                        select c.nodeId, sum(c.vcpus), sum(c.memoryMib), sum(c.diskGib)
                        from CapacityClaim c group by c.nodeId""", Object[].class)
                .getResultStream()
                .forEach(row -> claimed.put((Long) row[0], new NodeCapacity(((Number) row[1]).longValue(),
                        ((Number) row[2]).longValue(), ((Number) row[3]).longValue())));
        return claimed;
    }

    @Override
    public void addClaim(CapacityClaim claim) {
        em.persist(claim);
        // Flushed at once: the next placement in this transaction sums it.
        em.flush();
    }

    @Override
    public Optional<CapacityClaim> findClaim(UUID instance) {
        return Optional.ofNullable(em.find(CapacityClaim.class, instance.toString()));
    }

    @Override
    public void removeClaim(UUID instance) {
        findClaim(instance).ifPresent(em::remove);
    }
}
