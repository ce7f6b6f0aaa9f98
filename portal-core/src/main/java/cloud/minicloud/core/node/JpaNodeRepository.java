package cloud.minicloud.core.node;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaNodeRepository implements NodeRepository {

    @PersistenceContext(unitName = "minicloud")
    EntityManager em;

    @Override
    public List<ComputeNode> all() {
        return em.createQuery("select n from ComputeNode n order by n.name", ComputeNode.class).getResultList();
    }

    @Override
    public Optional<ComputeNode> find(long id) {
        return Optional.ofNullable(em.find(ComputeNode.class, id));
    }

    @Override
    public Optional<ComputeNode> findByUri(String uri) {
        return em.createQuery("select n from ComputeNode n where n.uri = :uri", ComputeNode.class)
                .setParameter("uri", uri)
                .getResultStream()
                .findFirst();
    }

    @Override
    public void add(ComputeNode node) {
        em.persist(node);
    }
}
