package cloud.minicloud.core.accesskey;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** AccessKeys in MariaDB; a taken slot is found by the unique key, without failing the transaction. */
@ApplicationScoped
public class JpaAccessKeyRepository implements AccessKeyRepository {

    @PersistenceContext(unitName = "minicloud")
    EntityManager em;

    @Override
    public boolean add(AccessKey key) {
        // IGNORE: a second request that took the same slot adds nothing, and this transaction goes on.
        // (Every value is bounded before it gets here, so IGNORE hides no truncation.)
        return em.createNativeQuery("""
                        INSERT IGNORE INTO access_key (key_id, username, tenant_alias, active_slot, sealed_secret, created_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, key.keyId())
                .setParameter(2, key.username())
                .setParameter(3, key.tenantAlias())
                .setParameter(4, key.activeSlot())
                .setParameter(5, key.sealedSecret())
                .setParameter(6, key.createdAt())
                .executeUpdate() == 1;
    }

    @Override
    public Optional<AccessKey> find(String keyId) {
        em.flush();
        return em.createQuery("select k from AccessKey k where k.keyId = :id", AccessKey.class)
                .setParameter("id", keyId).getResultStream().findFirst();
    }

    @Override
    public List<AccessKey> ofUser(String username) {
        return em.createQuery("select k from AccessKey k where k.username = :user order by k.createdAt desc, k.id desc",
                AccessKey.class).setParameter("user", username).getResultList();
    }

    @Override
    public List<AccessKey> all(int offset, int limit) {
        return em.createQuery("select k from AccessKey k order by k.createdAt desc, k.id desc", AccessKey.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long count() {
        return em.createQuery("select count(k) from AccessKey k", Long.class).getSingleResult();
    }

    @Override
    public boolean setSlot(long id, Integer slot) {
        em.createNativeQuery("UPDATE IGNORE access_key SET active_slot = ?2 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, slot).executeUpdate();
        // The driver counts rows matched, not changed: what the row holds now says whether it took.
        AccessKey read = em.find(AccessKey.class, id);
        if (read == null) {
            return false;
        }
        em.refresh(read); // read before the statement, which bypassed it
        return java.util.Objects.equals(read.activeSlot(), slot);
    }

    @Override
    public void used(String keyId, java.time.Instant at) {
        em.createNativeQuery("UPDATE access_key SET last_used_at = ?2 WHERE key_id = ?1 AND (last_used_at IS NULL OR last_used_at < ?3)")
                .setParameter(1, keyId).setParameter(2, at).setParameter(3, at.minusSeconds(60)).executeUpdate();
    }

    @Override
    public boolean firstUseOfNonce(String keyId, String nonce, java.time.Instant at, java.time.Instant forgetBefore) {
        em.createNativeQuery("DELETE FROM signature_nonce WHERE seen_at < ?1").setParameter(1, forgetBefore).executeUpdate();
        return em.createNativeQuery("INSERT IGNORE INTO signature_nonce (key_id, nonce, seen_at) VALUES (?1, ?2, ?3)")
                .setParameter(1, keyId).setParameter(2, nonce).setParameter(3, at)
                .executeUpdate() == 1;
    }

    @Override
    public void remove(long id) {
        em.createQuery("delete from AccessKey k where k.id = :id").setParameter("id", id).executeUpdate();
    }
}
