package cloud.minicloud.core.tenant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

@ApplicationScoped
public class JpaTenantRepository implements TenantRepository {

    @PersistenceContext(unitName = "minicloud")
    EntityManager em;

    @Override
    public Optional<Tenant> findByAlias(String alias) {
        return em.createQuery("select t from Tenant t where t.alias = :alias", Tenant.class)
                .setParameter("alias", alias)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<Tenant> find(long id) {
        return Optional.ofNullable(em.find(Tenant.class, id));
    }

    @Override
    public java.util.Map<Long, Tenant> findAll(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        return em.createQuery("select t from Tenant t where t.id in :ids", Tenant.class).setParameter("ids", ids)
                .getResultStream().collect(java.util.stream.Collectors.toMap(Tenant::id, t -> t));
    }

    @Override
    public Tenant enrol(String alias) {
        // INSERT IGNORE lets concurrent enrolments of one alias all succeed without a constraint
        // error or a lock cycle; under READ COMMITTED the select then sees whichever row won.
        em.createNativeQuery("INSERT IGNORE INTO tenant (alias) VALUES (?1)")
                .setParameter(1, alias)
                .executeUpdate();
        return findByAlias(alias).orElseThrow();
    }
}
