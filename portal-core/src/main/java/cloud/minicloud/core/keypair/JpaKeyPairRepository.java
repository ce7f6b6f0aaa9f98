package cloud.minicloud.core.keypair;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Key pairs in MariaDB; a taken name is found by the unique key, without failing the transaction. */
@ApplicationScoped
public class JpaKeyPairRepository implements KeyPairRepository {

    private static final String COLUMNS = "SELECT name, fingerprint, public_key, created_at FROM key_pair ";
    private static final String MATCHING = "WHERE tenant_id = ?1 AND (?2 IS NULL OR LOCATE(?2, name) > 0) ";

    @PersistenceContext(unitName = "minicloud")
    EntityManager em;

    @Override
    public boolean add(long tenantId, KeyPairView keyPair) {
        return em.createNativeQuery("""
                        INSERT IGNORE INTO key_pair (tenant_id, name, fingerprint, public_key, created_at)
                        VALUES (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, tenantId).setParameter(2, keyPair.name()).setParameter(3, keyPair.fingerprint())
                .setParameter(4, keyPair.publicKey()).setParameter(5, keyPair.createdAt())
                .executeUpdate() == 1;
    }

    @Override
    public Optional<KeyPairView> find(long tenantId, String name) {
        return rows(em.createNativeQuery(COLUMNS + "WHERE tenant_id = ?1 AND name = ?2").setParameter(1, tenantId)
                .setParameter(2, name).getResultList()).stream().findFirst();
    }

    @Override
    public List<KeyPairView> list(long tenantId, String name, int offset, int limit) {
        return rows(em.createNativeQuery(COLUMNS + MATCHING + "ORDER BY name").setParameter(1, tenantId).setParameter(2, name)
                .setFirstResult(offset).setMaxResults(limit).getResultList());
    }

    @Override
    public long count(long tenantId, String name) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM key_pair " + MATCHING).setParameter(1, tenantId)
                .setParameter(2, name).getSingleResult()).longValue();
    }

    @Override
    public void remove(long tenantId, String name) {
        em.createNativeQuery("DELETE FROM key_pair WHERE tenant_id = ?1 AND name = ?2").setParameter(1, tenantId)
                .setParameter(2, name).executeUpdate();
    }

    private static List<KeyPairView> rows(List<?> rows) {
        return rows.stream().map(Object[].class::cast).map(row -> new KeyPairView((String) row[0], (String) row[1],
                (String) row[2], instant(row[3]))).toList();
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp stamp ? stamp.toInstant() : (Instant) value;
    }
}
