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
    private final Set<Consumer<UUID>> everyTenant = ConcurrentHashMap.newKeySet();

    /** Calls the listener (on the committing thread) with each changed instance of the tenant, until closed. */
    AutoCloseable watch(long tenantId, Consumer<UUID> listener) {
        watchers.computeIfAbsent(tenantId, id -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> watchers.getOrDefault(tenantId, Set.of()).remove(listener);
    }

    /** Calls the listener with each changed instance of any tenant (a cloud admin's page), until closed. */
    AutoCloseable watchAll(Consumer<UUID> listener) {
        everyTenant.add(listener);
        return () -> everyTenant.remove(listener);
    }

    void changed(long tenantId, UUID instance) {
        afterCommit.run(() -> notify(tenantId, instance));
    }

    private void notify(long tenantId, UUID instance) {
        for (Consumer<UUID> watcher : java.util.stream.Stream.concat(watchers.getOrDefault(tenantId, Set.of()).stream(),
                everyTenant.stream()).toList()) {
            try {
                watcher.accept(instance);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "an instance watcher failed; the others are told", e);
            }
        }
    }
}
