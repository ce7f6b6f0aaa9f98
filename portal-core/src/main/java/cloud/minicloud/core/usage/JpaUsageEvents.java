package cloud.minicloud.core.usage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

@ApplicationScoped
public class JpaUsageEvents implements UsageEvents {

    @PersistenceContext(unitName = "minicloud")
    EntityManager em;

    @Override
    public void add(UsageEvent event) {
        em.persist(event);
    }
}
