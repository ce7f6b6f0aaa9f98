package cloud.minicloud.core.image;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaImageRepository implements ImageRepository {

    /** The images shared with {@code :tenant}. */
    private static final String SHARED = "i.id in (select s.imageId from ImageShare s where s.tenantId = :tenant)";

    @PersistenceContext(unitName = "minicloud")
    EntityManager em;

    @Override
    public List<Image> visibleTo(long tenantId) {
        return em.createQuery("""
                        select i from Image i where (i.ownerTenantId is null or i.ownerTenantId = :tenant
                        or %s)
                        and i.state = cloud.minicloud.core.image.ImageState.ACTIVE order by i.name""".formatted(SHARED), Image.class)
                .setParameter("tenant", tenantId)
                .getResultList();
    }

    @Override
    public List<Image> publicImages() {
        return em.createQuery("""
                        select i from Image i where i.ownerTenantId is null
                        and i.state = cloud.minicloud.core.image.ImageState.ACTIVE order by i.name""", Image.class)
                .getResultList();
    }

    @Override
    public Optional<Image> publicImage(String name) {
        return em.createQuery("""
                        select i from Image i where i.ownerTenantId is null and i.name = :name
                        and i.state <> cloud.minicloud.core.image.ImageState.DELETED""", Image.class)
                .setParameter("name", name)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<Image> catalog(Long tenantId) {
        return em.createQuery("""
                        select i from Image i where i.state <> cloud.minicloud.core.image.ImageState.DELETED
                        and (:all = true or i.ownerTenantId is null or i.ownerTenantId = :tenant or %s)
                        order by i.id desc""".formatted(SHARED), Image.class)
                .setParameter("all", tenantId == null)
                .setParameter("tenant", tenantId == null ? -1L : tenantId)
                .getResultList();
    }

    @Override
    public boolean nameTaken(Long ownerTenantId, String name) {
        return em.createQuery("""
                        select count(i) from Image i where i.name = :name
                        and i.state <> cloud.minicloud.core.image.ImageState.DELETED
                        and ((:owner is null and i.ownerTenantId is null) or i.ownerTenantId = :owner)""", Long.class)
                .setParameter("name", name)
                .setParameter("owner", ownerTenantId)
                .getSingleResult() > 0;
    }

    @Override
    public long instancesUsing(long imageId) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM instance WHERE image_id = ?1 AND state <> 'DELETED'")
                .setParameter(1, imageId).getSingleResult()).longValue();
    }

    @Override
    public List<Image> inState(ImageState state) {
        return em.createQuery("select i from Image i where i.state = :state", Image.class)
                .setParameter("state", state)
                .getResultList();
    }

    @Override
    public void add(Image image) {
        em.persist(image);
    }

    @Override
    public void share(long imageId, long tenantId) {
        em.createNativeQuery("INSERT IGNORE INTO image_share (image_id, tenant_id) VALUES (?1, ?2)")
                .setParameter(1, imageId).setParameter(2, tenantId).executeUpdate();
    }

    @Override
    public void unshare(long imageId, long tenantId) {
        em.createQuery("delete from ImageShare s where s.imageId = :image and s.tenantId = :tenant")
                .setParameter("image", imageId).setParameter("tenant", tenantId).executeUpdate();
    }

    @Override
    public java.util.Set<Long> sharedAmong(java.util.Collection<Long> imageIds) {
        if (imageIds.isEmpty()) {
            return java.util.Set.of();
        }
        return java.util.Set.copyOf(em.createQuery("select distinct s.imageId from ImageShare s where s.imageId in :ids",
                        Long.class)
                .setParameter("ids", imageIds).getResultList());
    }

    @Override
    public List<Long> sharedWith(long imageId) {
        return em.createQuery("select s.tenantId from ImageShare s where s.imageId = :image order by s.tenantId", Long.class)
                .setParameter("image", imageId).getResultList();
    }

    @Override
    public Optional<Image> visibleByName(long tenantId, String name) {
        return em.createQuery("""
                        select i from Image i where (i.ownerTenantId is null or i.ownerTenantId = :tenant or %s)
                        and i.state = cloud.minicloud.core.image.ImageState.ACTIVE
                        and i.name = :name
                        order by case when i.ownerTenantId = :tenant then 0 when i.ownerTenantId is null then 1 else 2 end
                        """.formatted(SHARED), Image.class)
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
    public Optional<Image> findForUpdate(long id) {
        Image image = em.find(Image.class, id);
        if (image != null) {
            em.refresh(image, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        }
        return Optional.ofNullable(image);
    }

    @Override
    public void recordTemplateOnNode(long nodeId, long imageId) {
        em.createNativeQuery("INSERT IGNORE INTO node_template (node_id, image_id) VALUES (?1, ?2)")
                .setParameter(1, nodeId).setParameter(2, imageId).executeUpdate();
    }

    @Override
    public TemplateCopy claimTemplateCopy(long nodeId, long imageId, String copier, int leaseSeconds) {
        List<?> rows = em.createNativeQuery("""
                        SELECT ready, COALESCE(copier IS NOT NULL AND copier <> ?3 AND copying_until > NOW(3), FALSE)
                        FROM node_template WHERE node_id = ?1 AND image_id = ?2 FOR UPDATE""")
                .setParameter(1, nodeId).setParameter(2, imageId).setParameter(3, copier).getResultList();
        if (rows.isEmpty()) {
            return TemplateCopy.NO_RECORD;
        }
        Object[] row = (Object[]) rows.get(0);
        if (truth(row[0])) {
            return TemplateCopy.READY;
        }
        if (truth(row[1])) {
            return TemplateCopy.BEING_COPIED;
        }
        em.createNativeQuery("""
                        UPDATE node_template SET copier = ?3, copying_until = NOW(3) + INTERVAL ?4 SECOND
                        WHERE node_id = ?1 AND image_id = ?2""")
                .setParameter(1, nodeId).setParameter(2, imageId).setParameter(3, copier).setParameter(4, leaseSeconds)
                .executeUpdate();
        return TemplateCopy.YOURS;
    }

    private static boolean truth(Object value) {
        return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
    }

    @Override
    public boolean renewTemplateCopy(long nodeId, long imageId, String copier, int leaseSeconds) {
        return em.createNativeQuery("""
                        UPDATE node_template SET copying_until = NOW(3) + INTERVAL ?4 SECOND
                        WHERE node_id = ?1 AND image_id = ?2 AND copier = ?3""")
                .setParameter(1, nodeId).setParameter(2, imageId).setParameter(3, copier).setParameter(4, leaseSeconds)
                .executeUpdate() == 1;
    }

    @Override
    public boolean templateReadyOnNode(long nodeId, long imageId, String copier) {
        return em.createNativeQuery("""
                        UPDATE node_template SET ready = TRUE, copier = NULL, copying_until = NULL
                        WHERE node_id = ?1 AND image_id = ?2 AND copier = ?3""")
                .setParameter(1, nodeId).setParameter(2, imageId).setParameter(3, copier).executeUpdate() == 1;
    }

    @Override
    public void templateCopyAbandoned(long nodeId, long imageId, String copier) {
        em.createNativeQuery("""
                        UPDATE node_template SET copier = NULL, copying_until = NULL
                        WHERE node_id = ?1 AND image_id = ?2 AND copier = ?3""")
                .setParameter(1, nodeId).setParameter(2, imageId).setParameter(3, copier).executeUpdate();
    }

    @Override
    public List<Image> deletedWithTemplateOn(long nodeId) {
        List<?> ids = em.createNativeQuery("""
                        SELECT i.id FROM node_template t JOIN image i ON i.id = t.image_id
                        WHERE t.node_id = ?1 AND i.state = 'DELETED' AND i.sha256 IS NOT NULL
                        AND NOT EXISTS (SELECT 1 FROM image o WHERE o.sha256 = i.sha256 AND o.state <> 'DELETED')""")
                .setParameter(1, nodeId).getResultList();
        return inOrder(ids);
    }

    @Override
    public java.util.Set<Long> nodesWithTemplate(long imageId) {
        java.util.Set<Long> nodes = new java.util.HashSet<>();
        for (Object id : em.createNativeQuery("SELECT node_id FROM node_template WHERE image_id = ?1 AND ready")
                .setParameter(1, imageId).getResultList()) {
            nodes.add(((Number) id).longValue());
        }
        return nodes;
    }

    @Override
    public void templateUsed(long nodeId, long imageId) {
        em.createNativeQuery("UPDATE node_template SET last_used_at = NOW(3) WHERE node_id = ?1 AND image_id = ?2")
                .setParameter(1, nodeId).setParameter(2, imageId).executeUpdate();
    }

    @Override
    public List<Image> idleTemplatesOn(long nodeId, java.time.Duration idle) {
        List<?> ids = em.createNativeQuery("""
                        SELECT image_id FROM node_template
                        WHERE node_id = ?1 AND ready AND (last_used_at IS NULL OR last_used_at < NOW(3) - INTERVAL ?2 SECOND)
                        ORDER BY last_used_at IS NOT NULL, last_used_at""")
                .setParameter(1, nodeId).setParameter(2, idle.toSeconds()).getResultList();
        return inOrder(ids);
    }

    /** The images of these ids in one query, in the ids' order. */
    private List<Image> inOrder(List<?> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Long> wanted = ids.stream().map(id -> ((Number) id).longValue()).toList();
        java.util.Map<Long, Image> found = em.createQuery("select i from Image i where i.id in :ids", Image.class)
                .setParameter("ids", wanted).getResultStream()
                .collect(java.util.stream.Collectors.toMap(Image::id, image -> image));
        return wanted.stream().map(found::get).toList();
    }

    @Override
    public void forgetTemplateOnNode(long nodeId, long imageId) {
        em.createNativeQuery("DELETE FROM node_template WHERE node_id = ?1 AND image_id = ?2")
                .setParameter(1, nodeId).setParameter(2, imageId).executeUpdate();
    }

    @Override
    public void templateMissingOnNode(long nodeId, long imageId) {
        em.createNativeQuery("UPDATE node_template SET ready = FALSE WHERE node_id = ?1 AND image_id = ?2")
                .setParameter(1, nodeId).setParameter(2, imageId).executeUpdate();
    }
}
