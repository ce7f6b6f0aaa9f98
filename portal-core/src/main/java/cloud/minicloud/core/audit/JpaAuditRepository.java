package cloud.minicloud.core.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;

@ApplicationScoped
public class JpaAuditRepository implements AuditRepository {

    @PersistenceContext(unitName = "minicloud")
    EntityManager em;

    @Override
    public void append(AuditEntry entry) {
        em.persist(entry);
    }

    @Override
    public List<AuditEntry> page(String tenant, int offset, int limit) {
        return query("select e from AuditEntry e", tenant, " order by e.at desc, e.id desc", AuditEntry.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long count(String tenant) {
        return query("select count(e) from AuditEntry e", tenant, "", Long.class).getSingleResult();
    }

    private <T> TypedQuery<T> query(String select, String tenant, String order, Class<T> type) {
        return tenant == null
                ? em.createQuery(select + order, type)
                : em.createQuery(select + " where e.tenant = :tenant" + order, type).setParameter("tenant", tenant);
    }
}
