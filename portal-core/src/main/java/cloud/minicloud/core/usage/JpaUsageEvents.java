package cloud.minicloud.core.usage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

@ApplicationScoped
public class JpaUsageEvents implements UsageEvents {

    @PersistenceContext(unitName = "minicloud")
    EntityManager em;

    @Override
    public void add(UsageEvent event) {
        em.persist(event);
    }

    @Override
    public List<UsageEvent> ofTenant(long tenantId) {
        return em.createQuery("select e from UsageEvent e where e.tenantId = :tenant order by e.occurredAt, e.id",
                UsageEvent.class).setParameter("tenant", tenantId).getResultList();
    }
}
