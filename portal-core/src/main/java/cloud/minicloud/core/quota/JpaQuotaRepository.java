package cloud.minicloud.core.quota;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaQuotaRepository implements QuotaRepository {

    @PersistenceContext(unitName = "minicloud")
    EntityManager em;

    @Override
    public Optional<Quota> find(long tenantId) {
        return Optional.ofNullable(em.find(Quota.class, tenantId));
    }

    @Override
    public Optional<Quota> findForUpdate(long tenantId) {
        return Optional.ofNullable(em.find(Quota.class, tenantId)).map(this::lockedAndCurrent);
    }

    /**
     * Locks the row and reloads it: a quota read earlier in the transaction (enrolment reads it)
     * may be stale by the time the lock is granted, and locking alone would keep the stale copy.
     */
    private Quota lockedAndCurrent(Quota quota) {
        em.refresh(quota, LockModeType.PESSIMISTIC_WRITE);
        return quota;
    }

    @Override
    public void addIfAbsent(Quota quota) {
        ResourceAmounts limits = quota.limits();
        em.createNativeQuery("""
                        INSERT IGNORE INTO quota (tenant_id, limit_instances, limit_vcpus, limit_memory_mib,
                                                  limit_disk_gib, limit_networks, limit_images, limit_image_gib)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, quota.tenantId())
                .setParameter(2, limits.instances())
                .setParameter(3, limits.vcpus())
                .setParameter(4, limits.memoryMib())
                .setParameter(5, limits.diskGib())
                .setParameter(6, limits.networks())
                .setParameter(7, limits.images())
                .setParameter(8, limits.imageGib())
                .executeUpdate();
    }

    @Override
    public List<QuotaView> page(int offset, int limit) {
        return em.createQuery("""
                        select t.alias, q from Tenant t join Quota q on q.tenantId = t.id
                        where t.deletedAt is null order by t.alias""", Object[].class)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultStream()
                .map(row -> {
                    Quota quota = (Quota) row[1];
                    return QuotaView.of((String) row[0], quota);
                })
                .toList();
    }

    @Override
    public List<QuotaView> nearLimit(int percent, int max) {
        String near = java.util.stream.Stream.of("instances", "vcpus", "memoryMib", "diskGib", "networks", "images", "imageGib")
                .map(amount -> "(q.used.%1$s > 0 and q.used.%1$s * 100 >= q.limits.%1$s * :percent)".formatted(amount))
                .collect(java.util.stream.Collectors.joining(" or "));
        return em.createQuery("select t.alias, q from Tenant t join Quota q on q.tenantId = t.id where t.deletedAt is null and ("
                        + near + ") order by t.alias", Object[].class)
                .setParameter("percent", (long) percent)
                .setMaxResults(max)
                .getResultStream()
                .map(row -> QuotaView.of((String) row[0], (Quota) row[1]))
                .toList();
    }

    @Override
    public long countTenants() {
        return em.createQuery("select count(q) from Tenant t join Quota q on q.tenantId = t.id where t.deletedAt is null", Long.class).getSingleResult();
    }
}
