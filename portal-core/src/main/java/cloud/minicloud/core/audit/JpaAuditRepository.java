package cloud.minicloud.core.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class JpaAuditRepository implements AuditRepository {

    @PersistenceContext(unitName = "minicloud")
    EntityManager em;

    @Override
    public void append(AuditEntry entry) {
        em.persist(entry);
    }

    @Override
    public AuditFeed lockFeed(String name) {
        AuditFeed feed = em.find(AuditFeed.class, name, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (feed == null) {
            feed = new AuditFeed(name);
            em.persist(feed);
        }
        return feed;
    }

    @Override
    public int removeBefore(java.time.Instant cutoff) {
        return em.createQuery("delete from AuditEntry e where e.at < :cutoff").setParameter("cutoff", cutoff).executeUpdate();
    }

    @Override
    public List<AuditEntry> page(AuditQuery query, int offset, int limit) {
        return query("select e from AuditEntry e", query, " order by e.at desc, e.id desc", AuditEntry.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long count(AuditQuery query) {
        return query("select count(e) from AuditEntry e", query, "", Long.class).getSingleResult();
    }

    private <T> TypedQuery<T> query(String select, AuditQuery query, String order, Class<T> type) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        match(conditions, parameters, "e.username = :user", "user", query.user());
        match(conditions, parameters, "e.tenant = :tenant", "tenant", query.tenant());
        match(conditions, parameters, "e.action like :action escape '!'", "action", prefix(query.action()));
        match(conditions, parameters, "e.targets like :target escape '!'", "target", query.target() == null ? null : "%" + escape(query.target()) + "%");
        match(conditions, parameters, "e.outcome = :outcome", "outcome", query.outcome());
        match(conditions, parameters, "e.requestId = :request", "request", query.requestId());
        match(conditions, parameters, "e.at >= :from", "from", query.from());
        match(conditions, parameters, "e.at < :to", "to", query.to());
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        TypedQuery<T> typed = em.createQuery(select + where + order, type);
        parameters.forEach(typed::setParameter);
        return typed;
    }

    private static void match(List<String> conditions, Map<String, Object> parameters, String condition, String name, Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.put(name, value);
        }
    }

    private static String prefix(String action) {
        return action == null ? null : escape(action) + "%";
    }

    /** LIKE's wildcards in what was typed match themselves ('!' escapes: a backslash means different things to SQL dialects). */
    private static String escape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
