package cloud.minicloud.core.task;

import cloud.minicloud.core.FailureText;
import cloud.minicloud.core.config.CloudSettings;
import cloud.minicloud.core.metrics.ControlPlaneMetrics;
import cloud.minicloud.hypervisor.NodeBusyException;
import cloud.minicloud.hypervisor.NodeUnreachableException;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The pool of workers that run queued tasks, and the heartbeat that keeps their leases. Any number
 * of servers may run one against the same database: a task is claimed by one worker at a time.
 * One server runs at most as many tasks on a node at once as one connection to it carries slow
 * calls (fewer for a node that serves fewer calls per client; at most
 * {@link CloudSettings#tasksPerNode()}), so a slow node holds only that many workers while the
 * others serve the other nodes. A task whose node
 * cannot be reached, or is too busy to take a call, waits and says so; it fails (and is undone)
 * only once the node has kept it waiting longer than {@link CloudSettings#nodePatience()}.
 */
@ApplicationScoped
public class TaskWorkers {

    private static final Logger LOG = Logger.getLogger(TaskWorkers.class.getName());
    private static final long IDLE_POLL_MILLIS = 500;
    private static final int MAX_WAIT_SECONDS = 30;
    private static final int COMPENSATION_RETRY_SECONDS = 30;
    private static final Duration NODE_SLOTS_FRESH = Duration.ofSeconds(30);
    /** How long a stopping server waits for its workers to let go of their tasks. */
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(10);
    /** A task the database keeps failing this often is failed after all: the trouble may be its own. */
    private static final int MAX_DATABASE_RETRIES = 10;

    @Resource
    ManagedThreadFactory managedThreads;

    @Inject
    TaskJournal journal;

    @Inject
    TaskHandler handler;

    @Inject
    Failpoints failpoints;

    @Inject
    CloudSettings settings;

    @Inject
    ControlPlaneMetrics metrics;

    @Inject
    cloud.minicloud.core.node.NodeService nodes;

    /** Identifies this server's workers in task leases; new at every start. */
    private final String workerId = UUID.randomUUID().toString();
    private final Semaphore wakeUp = new Semaphore(0);
    /** The tasks this server's workers hold now, with the node each drives (0 for none). */
    private final Map<Long, Long> inHand = new ConcurrentHashMap<>();
    /** Tasks this server's workers let go of mid-step because it stops: the next server resumes them. */
    private final Set<Long> leftBehind = ConcurrentHashMap.newKeySet();
    private final List<Thread> running = new ArrayList<>();
    private volatile boolean stopping;
    private volatile Instant lastHeartbeat;
    /** Per node id, how many tasks may drive it at once; read again now and then (nodes come and change). */
    private volatile Map<Long, Integer> nodeSlots = Map.of();
    private volatile Instant nodeSlotsRead = Instant.EPOCH;

    public void start() {
        start(managedThreads);
    }

    /** Starts the workers on threads from the factory given (the server's managed threads, or a test's). */
    public void start(ThreadFactory threads) {
        synchronized (running) {
            if (!running.isEmpty()) {
                return;
            }
            for (int i = 0; i < settings.taskWorkers(); i++) {
                running.add(threads.newThread(this::work));
            }
            running.add(threads.newThread(this::heartbeat));
            stopping = false;
            running.forEach(Thread::start);
        }
        LOG.info(() -> settings.taskWorkers() + " task workers started as " + workerId);
    }

    /** Tells idle workers that a task was queued, so they need not wait for their next poll. */
    public void wake() {
        // One permit per worker at most: permits left over only cost a look at the queue.
        int missing = settings.taskWorkers() - wakeUp.availablePermits();
        if (missing > 0) {
            wakeUp.release(missing);
        }
    }

    private void work() {
        while (!stopping) {
            try {
                Optional<Long> task = claim();
                if (task.isPresent()) {
                    run(task.get());
                } else {
                    wakeUp.tryAcquire(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    return;
                }
                LOG.log(Level.WARNING, "task worker hit an error; it goes on", e);
                pause();
            }
        }
    }

    /** Claims the next task, skipping nodes this server already runs its share of tasks on. */
    private synchronized Optional<Long> claim() {
        if (stopping) {
            return Optional.empty();
        }
        Map<Long, Integer> slots = nodeSlots();
        Set<Long> fullNodes = inHand.values().stream()
                .filter(node -> node != 0)
                .collect(Collectors.groupingBy(node -> node, Collectors.counting()))
                .entrySet().stream()
                .filter(entry -> entry.getValue() >= Math.min(settings.tasksPerNode(),
                        slots.getOrDefault(entry.getKey(), settings.tasksPerNode())))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        Optional<Long> task = journal.claimNext(workerId, fullNodes, Set.copyOf(inHand.keySet()));
        // Registered before the claim returns: the next claim counts it against its node.
        task.ifPresent(id -> inHand.put(id, journal.nodesOf(List.of(id)).getOrDefault(id, 0L)));
        return task;
    }

    private Map<Long, Integer> nodeSlots() {
        if (Duration.between(nodeSlotsRead, Instant.now()).compareTo(NODE_SLOTS_FRESH) > 0) {
            nodeSlots = nodes.taskSlots();
            nodeSlotsRead = Instant.now();
        }
        return nodeSlots;
    }

    private void run(long taskId) {
        // Only tasks in hand get their lease renewed: one whose run ends in an unexpected error
        // (say, the database went away) is left to expire and be resumed by any worker.
        try {
            runClaimed(taskId);
        } finally {
            inHand.remove(taskId);
        }
    }

    private void runClaimed(long taskId) {
        TaskContext task = new TaskContext(journal.snapshot(taskId), journal, failpoints);
        try {
            handler.run(task);
            finished(task, TaskState.SUCCEEDED, null);
        } catch (TaskCancelledException e) {
            finished(task, TaskState.CANCELLED, FailureText.of(e));
        } catch (RuntimeException e) {
            if (stopping) {
                // Not the task's failure, nor its node's (an interrupted wait for a call looks like
                // a busy node): the server is going down. What the node did stands; the next
                // server resumes the task where it stopped.
                LOG.log(Level.INFO, "task " + taskId + " let go as the server stops", e);
                leftBehind.add(taskId);
            } else if (e instanceof NodeUnreachableException || e instanceof NodeBusyException) {
                waitForNode(task, e);
            } else if (DatabaseTrouble.in(e) && task.attempts() < MAX_DATABASE_RETRIES) {
                // The database went away under it: the lease runs out and a worker resumes it.
                LOG.log(Level.INFO, "task " + taskId + " left for its lease to run out", e);
            } else {
                fail(task, e);
            }
        }
    }

    /** The node did not answer: try again later, saying why, unless it kept the task waiting too long. */
    private void waitForNode(TaskContext task, RuntimeException why) {
        Instant now = Instant.now();
        Instant since = task.waitingSince() == null ? now : task.waitingSince();
        Duration waited = Duration.between(since, Instant.now());
        if (waited.compareTo(settings.nodePatience()) > 0) {
            fail(task, new NodeOutwaitedException("its compute node did not answer for " + waited.toSeconds() + " s ("
                    + FailureText.of(why) + ")", why));
            return;
        }
        int delay = Math.min(MAX_WAIT_SECONDS, 1 << Math.min(task.attempts(), 5));
        String note = "waiting for its compute node since " + LocalTime.ofInstant(since, ZoneId.systemDefault())
                .truncatedTo(ChronoUnit.SECONDS) + ": " + FailureText.of(why) + "; next try in " + delay + " s";
        LOG.info(() -> "task " + task.taskId() + " waits for its compute node: " + why);
        journal.waitForNode(task.taskId(), workerId, delay, note, now);
    }

    private void fail(TaskContext task, RuntimeException failure) {
        LOG.log(Level.WARNING, "task " + task.taskId() + " (" + task.kind() + " of " + task.instance() + ") failed; undoing it", failure);
        try {
            handler.compensate(task, failure);
        } catch (RuntimeException e) {
            if (stopping) {
                // Undone halfway as the server stops: the next server undoes the rest.
                LOG.log(Level.INFO, "undoing task " + task.taskId() + " let go as the server stops", e);
                leftBehind.add(task.taskId());
            } else if (e instanceof NodeUnreachableException || e instanceof NodeBusyException) {
                // The node went while the task was undone: it most likely failed because the node
                // went, so the task waits for the node like any other and then tries again.
                waitForNode(task, e);
            } else {
                // Undoing needs the node too; try the whole task again later rather than leave half of it.
                LOG.log(Level.WARNING, "undoing task " + task.taskId() + " failed; it is retried", e);
                journal.retryLater(task.taskId(), workerId, COMPENSATION_RETRY_SECONDS, "undoing it failed ("
                        + FailureText.of(e) + "); tried again in " + COMPENSATION_RETRY_SECONDS + " s");
            }
            return;
        }
        finished(task, TaskState.FAILED, FailureText.of(failure));
    }

    private void finished(TaskContext task, TaskState outcome, String why) {
        journal.finished(task.taskId(), workerId, outcome, why);
        metrics.taskFinished(task.kind(), outcome);
    }

    private void heartbeat() {
        while (!stopping) {
            try {
                journal.renewLeases(workerId, Set.copyOf(inHand.keySet()));
                lastHeartbeat = Instant.now();
                Thread.sleep(TaskJournal.LEASE_SECONDS * 1000L / 4);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    return;
                }
                LOG.log(Level.WARNING, "could not renew task leases", e);
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(IDLE_POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Whether the workers run and their heartbeat renewed leases lately: a server whose heartbeat
     * stalled (its database gone for long, a wedged thread) would let its tasks' leases run out.
     */
    public boolean alive(Duration within) {
        Instant beat = lastHeartbeat;
        return !running.isEmpty() && !stopping && beat != null && beat.isAfter(Instant.now().minus(within));
    }

    /**
     * Stops the workers (the portal is redeployed or shut down): each lets go of its task where it
     * is, which a resumed task handles like a crash. The tasks they let go of are handed on at once;
     * one whose worker did not stop in time (a node call that ignores the interrupt) keeps its lease
     * until it runs out, so that no two servers ever drive it together.
     */
    @PreDestroy
    public void stop() {
        synchronized (running) {
            // Not under this object's lock: a worker about to claim needs it to see that it stops.
            stopping = true;
            running.forEach(Thread::interrupt);
            long deadline = System.nanoTime() + STOP_PATIENCE.toNanos();
            for (Thread thread : running) {
                try {
                    thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            running.clear();
        }
        Set<Long> handOn = new java.util.HashSet<>(leftBehind);
        handOn.removeAll(inHand.keySet());
        leftBehind.clear();
        if (handOn.isEmpty()) {
            return;
        }
        try {
            journal.releaseLeases(workerId, handOn);
            LOG.info(() -> "tasks " + handOn + " handed on to the next server");
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, "could not hand tasks " + handOn + " on; their leases run out instead", e);
        }
    }
}
