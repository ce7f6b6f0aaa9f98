package cloud.minicloud.core.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class JpaTaskRepository implements TaskRepository {

    /** Due queued tasks and abandoned running ones; the clock is the database's, one for every server. */
    private static final String DUE = """
            ((t.state = 'QUEUED' AND (t.not_before IS NULL OR t.not_before <= NOW(3)))
             OR (t.state = 'RUNNING' AND t.lease_until < NOW(3)))""";

    @PersistenceContext(unitName = "minicloud")
    EntityManager em;

    @Override
    public void add(Task task) {
        em.persist(task);
        em.flush();
    }

    @Override
    public Optional<Task> find(long id) {
        return Optional.ofNullable(em.find(Task.class, id));
    }

    @Override
    public List<Long> claimable(int max, Set<Long> fullNodes, Set<Long> held) {
        // Node and task ids are numbers this server holds, never user input: safe to write into the query.
        String notOnFullNodes = fullNodes.isEmpty() ? "" : " AND (t.node_id IS NULL OR t.node_id NOT IN ("
                + fullNodes.stream().map(String::valueOf).collect(Collectors.joining(",")) + "))";
        notOnFullNodes += held.isEmpty() ? "" : " AND t.id NOT IN ("
                + held.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")";
        return em.createNativeQuery("SELECT t.id FROM task t WHERE t.state IN ('QUEUED', 'RUNNING') AND " + DUE
                        + notOnFullNodes + """
                         AND NOT EXISTS (SELECT 1 FROM task e WHERE e.instance_id = t.instance_id AND e.id < t.id
                                         AND e.state IN ('QUEUED', 'RUNNING'))
                         AND NOT (t.kind = 'MIGRATE' AND EXISTS (SELECT 1 FROM task m WHERE m.kind = 'MIGRATE'
                                         AND m.node_id = t.node_id AND m.id < t.id AND m.state IN ('QUEUED', 'RUNNING')))
                        ORDER BY t.id LIMIT ?1""")
                .setParameter(1, max)
                .getResultStream()
                .map(id -> ((Number) id).longValue())
                .toList();
    }

    @Override
    public void waitForNode(long id, String worker, int delaySeconds, String why, java.time.Instant since) {
        // The waiting time is the JVM's clock, like the one it is compared with.
        em.createNativeQuery("UPDATE task SET waiting_since = COALESCE(waiting_since, ?3) WHERE id = ?1 AND worker = ?2")
                .setParameter(1, id)
                .setParameter(2, worker)
                .setParameter(3, java.sql.Timestamp.from(since))
                .executeUpdate();
        retryLater(id, worker, delaySeconds, why);
    }

    @Override
    public Optional<Task> lockHeld(long id, String worker) {
        return em.createNativeQuery("SELECT id FROM task WHERE id = ?1 AND worker = ?2 AND state = 'RUNNING' FOR UPDATE")
                .setParameter(1, id)
                .setParameter(2, worker)
                .getResultStream()
                .findFirst()
                .map(locked -> {
                    Task task = em.find(Task.class, id);
                    em.refresh(task);
                    return task;
                });
    }

    @Override
    public void stopWaiting(long id) {
        em.createNativeQuery("UPDATE task SET waiting = NULL, waiting_since = NULL WHERE id = ?1 AND waiting_since IS NOT NULL")
                .setParameter(1, id)
                .executeUpdate();
    }

    @Override
    public Map<Long, Long> nodesOf(Collection<Long> taskIds) {
        if (taskIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> nodes = new HashMap<>();
        em.createQuery("select t.id, t.nodeId from Task t where t.id in :ids and t.nodeId is not null", Object[].class)
                .setParameter("ids", taskIds)
                .getResultStream()
                .forEach(row -> nodes.put((Long) row[0], (Long) row[1]));
        return nodes;
    }

    @Override
    public boolean claim(long id, String worker, int leaseSeconds) {
        // The locking read sees the latest committed row: a task another worker just took is no longer due.
        boolean free = !em.createNativeQuery("SELECT t.id FROM task t WHERE t.id = ?1 AND " + DUE + " FOR UPDATE SKIP LOCKED")
                .setParameter(1, id)
                .getResultList()
                .isEmpty();
        if (free) {
            em.createNativeQuery("""
                            UPDATE task SET state = 'RUNNING', worker = ?2, attempts = attempts + 1,
                                   lease_until = NOW(3) + INTERVAL ?3 SECOND, not_before = NULL
                            WHERE id = ?1""")
                    .setParameter(1, id)
                    .setParameter(2, worker)
                    .setParameter(3, leaseSeconds)
                    .executeUpdate();
        }
        return free;
    }

    @Override
    public void renewLease(long taskId, String worker, int leaseSeconds) {
        em.createNativeQuery("""
                        UPDATE task SET lease_until = NOW(3) + INTERVAL ?3 SECOND
                        WHERE id = ?1 AND worker = ?2 AND state = 'RUNNING'""")
                .setParameter(1, taskId)
                .setParameter(2, worker)
                .setParameter(3, leaseSeconds)
                .executeUpdate();
    }

    @Override
    public void retryLater(long id, String worker, int delaySeconds, String waiting) {
        em.createNativeQuery("""
                        UPDATE task SET state = 'QUEUED', worker = NULL, lease_until = NULL,
                               not_before = NOW(3) + INTERVAL ?2 SECOND, waiting = ?3
                        WHERE id = ?1 AND worker = ?4 AND state = 'RUNNING'""")
                .setParameter(1, id)
                .setParameter(2, delaySeconds)
                .setParameter(3, waiting == null ? null : waiting.substring(0, Math.min(waiting.length(), 512)))
                .setParameter(4, worker)
                .executeUpdate();
    }

    @Override
    public void addStep(TaskStep step) {
        em.persist(step);
        em.flush();
    }

    @Override
    public Optional<TaskStep> findStep(long id) {
        return Optional.ofNullable(em.find(TaskStep.class, id));
    }

    @Override
    public List<TaskStep> steps(long taskId) {
        return em.createQuery("select s from TaskStep s where s.taskId = :task order by s.id", TaskStep.class)
                .setParameter("task", taskId)
                .getResultList();
    }

    @Override
    public List<Task> forInstance(UUID instance, int limit) {
        return em.createQuery("select t from Task t where t.instanceId = :instance order by t.id desc", Task.class)
                .setParameter("instance", instance.toString())
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public List<Task> failedSince(java.time.Instant since, int limit) {
        return em.createQuery("select t from Task t where t.state = cloud.minicloud.core.task.TaskState.FAILED"
                        + " and t.finishedAt >= :since order by t.finishedAt desc", Task.class)
                .setParameter("since", since)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public Map<String, Long> unfinishedByKindAndState() {
        Map<String, Long> counts = new HashMap<>();
        em.createQuery("""
                        select t.kind, t.state, count(t) from Task t
                        where t.state in (cloud.minicloud.core.task.TaskState.QUEUED, cloud.minicloud.core.task.TaskState.RUNNING)
                        group by t.kind, t.state""", Object[].class)
                .getResultStream()
                .forEach(row -> counts.put(row[0] + "/" + row[1], (Long) row[2]));
        return counts;
    }

    @Override
    public boolean hasUnfinished(UUID instance) {
        return em.createQuery("""
                        select count(t) from Task t where t.instanceId = :instance
                        and t.state in (cloud.minicloud.core.task.TaskState.QUEUED, cloud.minicloud.core.task.TaskState.RUNNING)""",
                        Long.class)
                .setParameter("instance", instance.toString())
                .getSingleResult() > 0;
    }
}
