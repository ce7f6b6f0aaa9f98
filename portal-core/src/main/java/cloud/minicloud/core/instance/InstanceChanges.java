package cloud.minicloud.core.instance;

import cloud.minicloud.core.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells whoever watches a tenant's instances (open consoles) that one changed, once the change is
 * committed, so what they read then is the new state. Watchers are called on a thread of their
 * own: never inside the finished transaction, and never holding up the task that made the change.
 */
@ApplicationScoped
public class InstanceChanges {

    private static final Logger LOG = Logger.getLogger(InstanceChanges.class.getName());

    @Inject
    AfterCommit afterCommit;

    private final Map<Long, Set<Consumer<UUID>>> watchers = new ConcurrentHashMap<>();

    /** Calls the listener (on the committing thread) with each changed instance of the tenant, until closed. */
    AutoCloseable watch(long tenantId, Consumer<UUID> listener) {
        watchers.computeIfAbsent(tenantId, id -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> watchers.getOrDefault(tenantId, Set.of()).remove(listener);
    }

    void changed(long tenantId, UUID instance) {
        afterCommit.run(() -> notify(tenantId, instance));
    }

    private void notify(long tenantId, UUID instance) {
        for (Consumer<UUID> watcher : watchers.getOrDefault(tenantId, Set.of())) {
            try {
                watcher.accept(instance);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "an instance watcher failed; the others are told", e);
            }
        }
    }
}
