package cloud.minicloud.core.task;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

/**
 * Places in a task where a test can make the worker hang, to kill the server there and check
 * that a restart resumes or rolls back. Off unless the server runs with
 * {@code -Dminicloud.failpoints=true} (only the integration-test server does); off, nothing can arm them.
 */
@ApplicationScoped
public class Failpoints {

    private static final Logger LOG = Logger.getLogger(Failpoints.class.getName());

    private final boolean enabled = Boolean.getBoolean("minicloud.failpoints");
    private final Set<String> armed = ConcurrentHashMap.newKeySet();
    private final List<String> reached = new CopyOnWriteArrayList<>();

    public boolean enabled() {
        return enabled;
    }

    /** The next task to reach the point (e.g. "after:CREATE_DOMAIN") hangs there. */
    public void arm(String point) {
        if (!enabled) {
            throw new IllegalStateException("failpoints are off on this server");
        }
        armed.add(point);
    }

    public List<String> reached() {
        return List.copyOf(reached);
    }

    void reach(String point) {
        if (!enabled || !armed.remove(point)) {
            return;
        }
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
