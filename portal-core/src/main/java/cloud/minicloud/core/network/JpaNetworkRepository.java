package cloud.minicloud.core.network;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaNetworkRepository implements NetworkRepository {

    @PersistenceContext(unitName = "minicloud")
    EntityManager em;

    @Override
    public Optional<TenantNetwork> find(long tenantId, UUID id) {
        return em.createQuery("select n from TenantNetwork n where n.id = :id and n.tenantId = :tenant", TenantNetwork.class)
                .setParameter("id", id.toString())
                .setParameter("tenant", tenantId)
                .getResultStream()
                .findFirst();
    }

    @Override
    public boolean nameTaken(long tenantId, String name) {
        return em.createQuery("select count(n) from TenantNetwork n where n.tenantId = :tenant and n.name = :name", Long.class)
                .setParameter("tenant", tenantId)
                .setParameter("name", name)
                .getSingleResult() > 0;
    }

    @Override
    public List<TenantNetwork> list(long tenantId, int offset, int limit) {
        return em.createQuery("select n from TenantNetwork n where n.tenantId = :tenant order by n.name, n.id",
                        TenantNetwork.class)
                .setParameter("tenant", tenantId)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public long count(long tenantId) {
        return em.createQuery("select count(n) from TenantNetwork n where n.tenantId = :tenant", Long.class)
                .setParameter("tenant", tenantId)
                .getSingleResult();
    }

    @Override
    public void add(TenantNetwork network) {
        em.persist(network);
    }

    @Override
    public void remove(TenantNetwork network) {
        em.remove(network);
    }

    @Override
    public NetworkAllocation allocate() {
        Object[] next = (Object[]) em.createNativeQuery(
                        "SELECT next_segment, last_segment, next_subnet FROM network_allocator WHERE id = 1 FOR UPDATE")
                .getSingleResult();
        int segment = ((Number) next[0]).intValue();
        int subnet = ((Number) next[2]).intValue();
        if (segment > ((Number) next[1]).intValue()) {
            throw new IllegalStateException("no network segment is left; a cloud admin must widen the range");
        }
        em.createNativeQuery("UPDATE network_allocator SET next_segment = next_segment + 1, next_subnet = next_subnet + 1 WHERE id = 1")
                .executeUpdate();
        return new NetworkAllocation(segment, NetworkAllocation.subnet(subnet));
    }
}
