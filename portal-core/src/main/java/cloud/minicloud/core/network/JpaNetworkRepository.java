package cloud.minicloud.core.network;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
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
    public Optional<TenantNetwork> findAny(UUID id) {
        return Optional.ofNullable(em.find(TenantNetwork.class, id.toString()));
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
    public OptionalInt assignAddress(UUID network, UUID instance) {
        lock(network);
        List<?> taken = em.createNativeQuery("SELECT host FROM instance_address WHERE network_id = ?1 ORDER BY host")
                .setParameter(1, network.toString())
                .getResultList();
        int host = TenantNetwork.FIRST_HOST;
        for (Object used : taken) {
            if (((Number) used).intValue() != host) {
                break;
            }
            host++;
        }
        if (host > TenantNetwork.LAST_HOST) {
            return OptionalInt.empty();
        }
        em.createNativeQuery("INSERT INTO instance_address (network_id, host, instance_id) VALUES (?1, ?2, ?3)")
                .setParameter(1, network.toString())
                .setParameter(2, host)
                .setParameter(3, instance.toString())
                .executeUpdate();
        return OptionalInt.of(host);
    }

    @Override
    public void releaseAddress(UUID instance) {
        em.createNativeQuery("DELETE FROM instance_address WHERE instance_id = ?1").setParameter(1, instance.toString())
                .executeUpdate();
    }

    @Override
    public long addressesTaken(UUID network) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM instance_address WHERE network_id = ?1")
                .setParameter(1, network.toString()).getSingleResult()).longValue();
    }

    @Override
    public boolean inUse(UUID network) {
        lock(network);
        return !em.createNativeQuery("SELECT 1 FROM instance_address WHERE network_id = ?1 LIMIT 1")
                .setParameter(1, network.toString()).getResultList().isEmpty();
    }

    private void lock(UUID network) {
        em.createNativeQuery("SELECT id FROM tenant_network WHERE id = ?1 FOR UPDATE").setParameter(1, network.toString())
                .getResultList();
    }

    @Override
    public void useSegmentRange(int first, int last) {
        em.createNativeQuery("UPDATE network_allocator SET first_segment = ?1, next_segment = GREATEST(next_segment, ?1),"
                        + " last_segment = ?2 WHERE id = 1")
                .setParameter(1, first)
                .setParameter(2, last)
                .executeUpdate();
    }

    @Override
    public Optional<NetworkAllocation> allocate(Instant freedBefore) {
        Object[] pool = (Object[]) em.createNativeQuery(
                        "SELECT next_segment, first_segment, last_segment, next_subnet FROM network_allocator WHERE id = 1 FOR UPDATE")
                .getSingleResult();
        int next = ((Number) pool[0]).intValue();
        int last = ((Number) pool[2]).intValue();
        int subnet = ((Number) pool[3]).intValue();
        @SuppressWarnings("unchecked")
        List<Object[]> freed = em.createNativeQuery("SELECT segment_id, subnet_index FROM freed_network_allocation"
                        + " WHERE freed_at <= ?1 AND segment_id BETWEEN ?2 AND ?3 ORDER BY freed_at, segment_id LIMIT 1 FOR UPDATE")
                .setParameter(1, freedBefore)
                .setParameter(2, pool[1])
                .setParameter(3, last)
                .getResultList();
        if (!freed.isEmpty()) {
            int segment = ((Number) freed.get(0)[0]).intValue();
            em.createNativeQuery("DELETE FROM freed_network_allocation WHERE segment_id = ?1").setParameter(1, segment)
                    .executeUpdate();
            return Optional.of(new NetworkAllocation(segment, NetworkAllocation.subnet(((Number) freed.get(0)[1]).intValue())));
        }
        if (next > last || subnet >= NetworkAllocation.SUBNETS) {
            return Optional.empty();
        }
        em.createNativeQuery("UPDATE network_allocator SET next_segment = next_segment + 1, next_subnet = next_subnet + 1 WHERE id = 1")
                .executeUpdate();
        return Optional.of(new NetworkAllocation(next, NetworkAllocation.subnet(subnet)));
    }

    @Override
    public void release(NetworkAllocation allocation, Instant at) {
        em.createNativeQuery("INSERT INTO freed_network_allocation (segment_id, subnet_index, freed_at) VALUES (?1, ?2, ?3)")
                .setParameter(1, allocation.segmentId())
                .setParameter(2, allocation.subnetIndex())
                .setParameter(3, at)
                .executeUpdate();
    }
}
