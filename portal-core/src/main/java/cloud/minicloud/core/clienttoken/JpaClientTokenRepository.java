package cloud.minicloud.core.clienttoken;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/**
 * Client tokens in MariaDB. The primary key (tenant, token) does the work: a second transaction
 * taking a token another has just taken waits on its row until that one commits (the token is
 * held: read the answer) or rolls back (the order was refused: this one takes it).
 */
@ApplicationScoped
public class JpaClientTokenRepository implements ClientTokenRepository {

    @PersistenceContext(unitName = "minicloud")
    EntityManager em;

    @Override
    public void forgetBefore(Instant before) {
        em.createNativeQuery("DELETE FROM client_token WHERE taken_at < ?1").setParameter(1, before).executeUpdate();
    }

    @Override
    public boolean take(long tenantId, String token, String requestDigest, Instant at) {
        // IGNORE: a token held already adds nothing and this transaction goes on (the token is bounded before).
        return em.createNativeQuery("INSERT IGNORE INTO client_token (tenant_id, token, request_digest, taken_at) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, tenantId).setParameter(2, token).setParameter(3, requestDigest).setParameter(4, at)
                .executeUpdate() == 1;
    }

    @Override
    public Optional<TakenToken> find(long tenantId, String token) {
        return em.createNativeQuery("SELECT request_digest, answer FROM client_token WHERE tenant_id = ?1 AND token = ?2")
                .setParameter(1, tenantId).setParameter(2, token).getResultStream().findFirst()
                .map(row -> new TakenToken((String) ((Object[]) row)[0], (String) ((Object[]) row)[1]));
    }

    @Override
    public void release(long tenantId, String token) {
        em.createNativeQuery("DELETE FROM client_token WHERE tenant_id = ?1 AND token = ?2")
                .setParameter(1, tenantId).setParameter(2, token).executeUpdate();
    }

    @Override
    public void answer(long tenantId, String token, String answer) {
        em.createNativeQuery("UPDATE client_token SET answer = ?3 WHERE tenant_id = ?1 AND token = ?2")
                .setParameter(1, tenantId).setParameter(2, token).setParameter(3, answer).executeUpdate();
    }
}
