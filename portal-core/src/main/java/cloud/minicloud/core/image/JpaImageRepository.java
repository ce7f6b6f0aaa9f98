package cloud.minicloud.core.image;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaImageRepository implements ImageRepository {

    @PersistenceContext(unitName = "minicloud")
    EntityManager em;

    @Override
    public List<Image> visibleTo(long tenantId) {
        return em.createQuery("""
                        select i from Image i where i.ownerTenantId is null or i.ownerTenantId = :tenant
                        order by i.name""", Image.class)
                .setParameter("tenant", tenantId)
                .getResultList();
    }

    @Override
    public List<Image> publicImages() {
        return em.createQuery("select i from Image i where i.ownerTenantId is null order by i.name", Image.class)
                .getResultList();
    }

    @Override
    public Optional<Image> publicImage(String name) {
        return em.createQuery("select i from Image i where i.ownerTenantId is null and i.name = :name", Image.class)
                .setParameter("name", name)
                .getResultStream()
                .findFirst();
    }

    @Override
    public void add(Image image) {
        em.persist(image);
    }
}
