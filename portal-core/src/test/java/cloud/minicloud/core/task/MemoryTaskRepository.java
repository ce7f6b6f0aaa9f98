package cloud.minicloud.core.task;

import cloud.minicloud.core.testing.Entities;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Tasks and steps in memory, claimed under one lock with the same rules as the SQL. */
public class MemoryTaskRepository implements TaskRepository {

    private final Map<Long, Task> tasks = new ConcurrentHashMap<>();
    private final Map<Long, TaskStep> steps = new ConcurrentHashMap<>();
    private final Map<Long, Instant> notBefore = new ConcurrentHashMap<>();
    private final Map<Long, Instant> leaseUntil = new ConcurrentHashMap<>();
    private final Map<Long, String> workers = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public void add(Task task) {
        Entities.set(task, "id", ids.incrementAndGet());
        tasks.put(task.id(), task);
    }

    @Override
    public Optional<Task> find(long id) {
        return Optional.ofNullable(tasks.get(id));
    }

    private TaskState state(Task task) {
        return (TaskState) Entities.get(task, "state");
    }

    private boolean due(Task task, Instant now) {
        TaskState state = state(task);
        return state == TaskState.QUEUED && !notBefore.getOrDefault(task.id(), Instant.MIN).isAfter(now)
                || state == TaskState.RUNNING && leaseUntil.getOrDefault(task.id(), Instant.MIN).isBefore(now);
    }

    private boolean unfinished(Task task) {
        return state(task) == TaskState.QUEUED || state(task) == TaskState.RUNNING;
    }

    @Override
    public synchronized List<Long> claimable(int max, Set<Long> fullNodes, Set<Long> held) {
        Instant now = Instant.now();
        return tasks.values().stream()
                .filter(t -> unfinished(t) && due(t, now) && !held.contains(t.id()))
                .filter(t -> Entities.get(t, "nodeId") == null || !fullNodes.contains((Long) Entities.get(t, "nodeId")))
                .filter(t -> tasks.values().stream().noneMatch(e -> e.instanceId().equals(t.instanceId())
                        && e.id() < t.id() && unfinished(e)))
                .filter(t -> t.kind() != TaskKind.MIGRATE || tasks.values().stream().noneMatch(m -> m.kind() == TaskKind.MIGRATE
                        && java.util.Objects.equals(Entities.get(m, "nodeId"), Entities.get(t, "nodeId")) && m.id() < t.id()
                        && unfinished(m)))
                .sorted(Comparator.comparing(Task::id))
                .limit(max)
                .map(Task::id)
                .toList();
    }

    @Override
    public synchronized boolean claim(long id, String worker, int leaseSeconds) {
        Task task = tasks.get(id);
        if (!unfinished(task) || !due(task, Instant.now())) {
            return false;
        }
        Entities.set(task, "state", TaskState.RUNNING);
        Entities.set(task, "attempts", task.attempts() + 1);
        workers.put(id, worker);
        leaseUntil.put(id, Instant.now().plusSeconds(leaseSeconds));
        notBefore.remove(id);
        return true;
    }

    @Override
    public synchronized void renewLease(long taskId, String worker, int leaseSeconds) {
        if (worker.equals(workers.get(taskId)) && state(tasks.get(taskId)) == TaskState.RUNNING) {
            leaseUntil.put(taskId, Instant.now().plusSeconds(leaseSeconds));
        }
    }

    @Override
    public synchronized void retryLater(long id, String worker, int delaySeconds, String waiting) {
        if (!worker.equals(workers.get(id))) {
            return;
        }
        Task task = tasks.get(id);
        Entities.set(task, "state", TaskState.QUEUED);
        Entities.set(task, "waiting", waiting);
        workers.remove(id);
        leaseUntil.remove(id);
        notBefore.put(id, Instant.now().plusSeconds(delaySeconds));
    }

    @Override
    public synchronized void waitForNode(long id, String worker, int delaySeconds, String why, Instant since) {
        if (!worker.equals(workers.get(id))) {
            return;
        }
        Task task = tasks.get(id);
        if (Entities.get(task, "waitingSince") == null) {
            Entities.set(task, "waitingSince", since);
        }
        retryLater(id, worker, delaySeconds, why);
    }

    @Override
    public synchronized Optional<Task> lockHeld(long id, String worker) {
        Task task = tasks.get(id);
        return worker.equals(workers.get(id)) && state(task) == TaskState.RUNNING ? Optional.of(task) : Optional.empty();
    }

    @Override
    public synchronized void stopWaiting(long id) {
        Entities.set(tasks.get(id), "waiting", null);
        Entities.set(tasks.get(id), "waitingSince", null);
    }

    @Override
    public Map<Long, Long> nodesOf(Collection<Long> taskIds) {
        Map<Long, Long> nodes = new HashMap<>();
        for (long id : taskIds) {
            Object node = Entities.get(tasks.get(id), "nodeId");
            if (node != null) {
                nodes.put(id, (Long) node);
            }
        }
        return nodes;
    }

    @Override
    public void addStep(TaskStep step) {
        Entities.set(step, "id", ids.incrementAndGet());
        steps.put(step.id(), step);
    }

    @Override
    public Optional<TaskStep> findStep(long id) {
        return Optional.ofNullable(steps.get(id));
    }

    @Override
    public List<TaskStep> steps(long taskId) {
        return steps.values().stream().filter(s -> (long) Entities.get(s, "taskId") == taskId)
                .sorted(Comparator.comparing(TaskStep::id)).toList();
    }

    @Override
    public List<Task> forInstance(UUID instance, int limit) {
        return tasks.values().stream().filter(t -> t.instanceId().equals(instance))
                .sorted(Comparator.comparing(Task::id).reversed()).limit(limit).toList();
    }

    @Override
    public List<Task> failedSince(java.time.Instant since, int limit) {
        return tasks.values().stream().filter(t -> t.view(List.of()).state() == TaskState.FAILED
                        && !t.view(List.of()).finishedAt().isBefore(since))
                .sorted(Comparator.comparing((Task t) -> t.view(List.of()).finishedAt()).reversed()).limit(limit).toList();
    }

    @Override
    public boolean hasUnfinished(UUID instance) {
        return tasks.values().stream().anyMatch(t -> t.instanceId().equals(instance) && unfinished(t));
    }

    @Override
    public Map<String, Long> unfinishedByKindAndState() {
        Map<String, Long> counts = new HashMap<>();
        tasks.values().stream().filter(this::unfinished).forEach(t -> counts.merge(t.kind() + "/" + state(t), 1L, Long::sum));
        return counts;
    }

    /** Whether any task is queued or running. */
    public boolean anyUnfinished() {
        return tasks.values().stream().anyMatch(this::unfinished);
    }
}
