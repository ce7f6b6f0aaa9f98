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

    @Override
    public Optional<Image> visibleByName(long tenantId, String name) {
        return em.createQuery("""
                        select i from Image i where (i.ownerTenantId is null or i.ownerTenantId = :tenant)
                        and i.name = :name order by i.ownerTenantId desc""", Image.class)
                .setParameter("tenant", tenantId)
                .setParameter("name", name)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<Image> find(long id) {
        return Optional.ofNullable(em.find(Image.class, id));
    }

    @Override
    public void recordTemplateOnNode(long nodeId, long imageId) {
        em.createNativeQuery("INSERT IGNORE INTO node_template (node_id, image_id) VALUES (?1, ?2)")
                .setParameter(1, nodeId).setParameter(2, imageId).executeUpdate();
    }

    @Override
    public boolean lockTemplateOnNode(long nodeId, long imageId) {
        Object ready = em.createNativeQuery("SELECT ready FROM node_template WHERE node_id = ?1 AND image_id = ?2 FOR UPDATE")
                .setParameter(1, nodeId).setParameter(2, imageId).getSingleResult();
        return ready instanceof Boolean b ? b : ((Number) ready).intValue() != 0;
    }

    @Override
    public void templateReadyOnNode(long nodeId, long imageId) {
        em.createNativeQuery("UPDATE node_template SET ready = TRUE WHERE node_id = ?1 AND image_id = ?2")
                .setParameter(1, nodeId).setParameter(2, imageId).executeUpdate();
    }
}
