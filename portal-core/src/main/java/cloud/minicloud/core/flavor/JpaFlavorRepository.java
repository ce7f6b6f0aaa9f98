package cloud.minicloud.core.flavor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaFlavorRepository implements FlavorRepository {

    @PersistenceContext(unitName = "minicloud")
    EntityManager em;

    @Override
    public List<Flavor> enabled() {
        return em.createQuery("select f from Flavor f where f.enabled = true order by f.vcpus, f.memoryMib", Flavor.class)
                .getResultList();
    }

    @Override
    public Optional<Flavor> enabledByName(String name) {
        return byName(name).filter(Flavor::enabled);
    }

    @Override
    public Optional<Flavor> find(long id) {
        return Optional.ofNullable(em.find(Flavor.class, id));
    }

    @Override
    public List<Flavor> all() {
        return em.createQuery("select f from Flavor f order by f.vcpus, f.memoryMib, f.name", Flavor.class).getResultList();
    }

    @Override
    public Optional<Flavor> byName(String name) {
        return em.createQuery("select f from Flavor f where f.name = :name", Flavor.class)
                .setParameter("name", name)
                .getResultStream()
                .findFirst();
    }

    @Override
    public void add(Flavor flavor) {
        em.persist(flavor);
    }

    @Override
    public void remove(Flavor flavor) {
        em.remove(flavor);
    }
}
