package cloud.minicloud.core.tenant;

import cloud.minicloud.core.identity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** Each call a transaction of its own where none runs: the invited roles are kept between calls to Keycloak. */
@ApplicationScoped
@jakarta.transaction.Transactional
public class JpaInvitationRepository implements InvitationRepository {

    @PersistenceContext(unitName = "minicloud")
    EntityManager em;

    @Override
    public void put(String tenantAlias, String email, Role role, Instant at, String by) {
        List<Invitation> existing = em.createQuery("select i from Invitation i where i.tenantAlias = :tenant and i.email = :email",
                        Invitation.class).setParameter("tenant", tenantAlias).setParameter("email", Invitation.normalized(email))
                .getResultList();
        if (existing.isEmpty()) {
            em.persist(new Invitation(tenantAlias, email, role, at, by));
        } else {
            existing.get(0).renew(role, at, by);
        }
    }

    @Override
    public List<Invitation> all() {
        return em.createQuery("select i from Invitation i order by i.invitedAt, i.id", Invitation.class).getResultList();
    }

    @Override
    public void remove(long id) {
        em.createQuery("delete from Invitation i where i.id = :id").setParameter("id", id).executeUpdate();
    }

    @Override
    public boolean remove(String tenantAlias, String email) {
        return em.createQuery("delete from Invitation i where i.tenantAlias = :tenant and i.email = :email")
                .setParameter("tenant", tenantAlias).setParameter("email", Invitation.normalized(email)).executeUpdate() > 0;
    }
}
