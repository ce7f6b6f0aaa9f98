package cloud.minicloud.core.task;

import cloud.minicloud.core.config.CloudSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

/**
 * Places in a task where a test can make the worker hang, to kill the server there and check
 * that a restart resumes or rolls back: before and after every step, and during a template copy.
 * Off unless the server runs with {@code -Dminicloud.failpoints=true} (only the integration-test
 * server does); off, nothing can arm them. A restarted server can come up with points already
 * armed ({@code -Dminicloud.failpoints.arm=after:START,...}), so a test can kill it again at the
 * next step of the same task before any worker gets there. A point armed for one instance
 * ({@code after:START@<instance id>}) holds only that instance's task: a drill can take two
 * instances through different steps and kill the server once for both.
 */
@ApplicationScoped
public class Failpoints {

    private static final Logger LOG = Logger.getLogger(Failpoints.class.getName());

    @Inject
    CloudSettings settings;
    private final Set<String> armed = ConcurrentHashMap.newKeySet();
    private final List<String> reached = new CopyOnWriteArrayList<>();

    public boolean enabled() {
        return settings.failpoints();
    }

    /** The next task to reach the point (e.g. "after:CREATE_DOMAIN") hangs there. */
    public void arm(String point) {
        if (!enabled()) {
            throw new IllegalStateException("failpoints are off on this server");
        }
        armed.add(point);
    }

    public List<String> reached() {
        return List.copyOf(reached);
    }

    /** The points a restarted test server was told to arm, armed before any worker runs. */
    @jakarta.annotation.PostConstruct
    void armAtStart() {
        if (enabled()) {
            armed.addAll(settings.armedFailpoints());
        }
    }

    /** Disarms every point: a test that failed before reaching its point leaves none behind. */
    public void disarmAll() {
        armed.clear();
    }

    /** Hangs the calling worker here if a test armed this point (e.g. "during:ENSURE_TEMPLATE"). */
    public void reach(String point) {
        if (enabled() && armed.remove(point)) {
            hang(point);
        }
    }

    /** Hangs the task of this instance here if a test armed the point, for any task or for this instance's. */
    public void reach(String point, UUID instance) {
        if (!enabled()) {
            return;
        }
        String forInstance = point + "@" + instance;
        if (armed.remove(forInstance)) {
            hang(forInstance);
        } else {
            reach(point);
        }
    }

    private void hang(String point) {
        reached.add(point);
        LOG.warning(() -> "failpoint " + point + " reached: this task hangs here until the server is killed");
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted at failpoint " + point, e);
        }
    }
}
