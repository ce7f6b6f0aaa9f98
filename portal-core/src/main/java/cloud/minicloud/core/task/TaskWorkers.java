package cloud.minicloud.core.task;

import cloud.minicloud.hypervisor.NodeUnreachableException;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The pool of workers that run queued tasks, and the heartbeat that keeps their leases. Any number
 * of servers may run one against the same database: a task is claimed by one worker at a time.
 */
@ApplicationScoped
public class TaskWorkers {

    private static final Logger LOG = Logger.getLogger(TaskWorkers.class.getName());
    private static final int WORKERS = Integer.getInteger("minicloud.task.workers", 4);
    /** A node that cannot be reached is retried this often, backing off, before the task fails. */
    private static final int MAX_ATTEMPTS = 6;
    private static final long IDLE_POLL_MILLIS = 500;
    private static final int COMPENSATION_RETRY_SECONDS = 30;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    TaskJournal journal;

    @Inject
    TaskHandler handler;

    @Inject
    Failpoints failpoints;

    /** Identifies this server's workers in task leases; new at every start. */
    private final String workerId = UUID.randomUUID().toString();
    private final Semaphore wakeUp = new Semaphore(0);
    private final Set<Long> inHand = ConcurrentHashMap.newKeySet();
    private final List<Thread> running = new ArrayList<>();
    private volatile boolean stopping;

    public synchronized void start() {
        if (!running.isEmpty()) {
            return;
        }
        for (int i = 0; i < WORKERS; i++) {
            running.add(threads.newThread(this::work));
        }
        running.add(threads.newThread(this::heartbeat));
        running.forEach(Thread::start);
        LOG.info(() -> WORKERS + " task workers started as " + workerId);
    }

    /** Tells idle workers that a task was queued, so they need not wait for their next poll. */
    public void wake() {
        wakeUp.release(WORKERS);
    }

    private void work() {
        while (!stopping) {
            try {
                Optional<Long> task = journal.claimNext(workerId);
                if (task.isPresent()) {
                    run(task.get());
                } else {
                    wakeUp.tryAcquire(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
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

    private void run(long taskId) {
        // Only tasks in this set get their lease renewed: one whose run ends in an unexpected
        // error (say, the database went away) is left to expire and be resumed by any worker.
        inHand.add(taskId);
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
            journal.finished(taskId, TaskState.SUCCEEDED, null);
        } catch (TaskCancelledException e) {
            journal.finished(taskId, TaskState.CANCELLED, e.getMessage());
        } catch (NodeUnreachableException e) {
            if (task.attempts() < MAX_ATTEMPTS) {
                int delay = 1 << task.attempts();
                LOG.info(() -> "task " + taskId + " waits " + delay + " s for its node: " + e.getMessage());
                journal.retryLater(taskId, delay);
            } else {
                fail(task, e);
            }
        } catch (RuntimeException e) {
            fail(task, e);
        }
    }

    private void fail(TaskContext task, RuntimeException failure) {
        LOG.log(Level.WARNING, "task " + task.taskId() + " (" + task.kind() + " of " + task.instance() + ") failed; undoing it", failure);
        try {
            handler.compensate(task, failure);
        } catch (RuntimeException e) {
            // Undoing needs the node too; try the whole task again later rather than leave half of it.
            LOG.log(Level.WARNING, "undoing task " + task.taskId() + " failed; it is retried", e);
            journal.retryLater(task.taskId(), COMPENSATION_RETRY_SECONDS);
            return;
        }
        journal.finished(task.taskId(), TaskState.FAILED, failure.getMessage());
    }

    private void heartbeat() {
        while (!stopping) {
            try {
                journal.renewLeases(workerId, Set.copyOf(inHand));
                Thread.sleep(TaskJournal.LEASE_SECONDS * 1000L / 3);
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

    @PreDestroy
    synchronized void stop() {
        stopping = true;
        running.forEach(Thread::interrupt);
        running.clear();
    }
}
