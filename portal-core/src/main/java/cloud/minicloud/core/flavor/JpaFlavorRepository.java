package cloud.minicloud.core.flavor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

@ApplicationScoped
public class JpaFlavorRepository implements FlavorRepository {

    @PersistenceContext(unitName = "minicloud")
    EntityManager em;

    @Override
    public List<Flavor> enabled() {
        return em.createQuery("select f from Flavor f where f.enabled = true order by f.vcpus, f.memoryMib", Flavor.class)
                .getResultList();
    }
}
