package cloud.minicloud.core.tenant;

import cloud.minicloud.core.testing.Entities;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Tenants in memory, for testing the core without a database. */
public class MemoryTenantRepository implements TenantRepository {

    private final Map<String, Tenant> byAlias = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public Optional<Tenant> findByAlias(String alias) {
        return Optional.ofNullable(byAlias.get(alias));
    }

    @Override
    public Optional<Tenant> find(long id) {
        return byAlias.values().stream().filter(t -> t.id() == id).findFirst();
    }

    @Override
    public java.util.Map<Long, Tenant> findAll(java.util.Collection<Long> ids) {
        return byAlias.values().stream().filter(t -> ids.contains(t.id()))
                .collect(java.util.stream.Collectors.toMap(Tenant::id, t -> t));
    }

    @Override
    public Tenant enrol(String alias) {
        return byAlias.computeIfAbsent(alias, a -> {
            Tenant tenant = Entities.make(Tenant.class);
            Entities.set(tenant, "id", ids.incrementAndGet());
            Entities.set(tenant, "alias", a);
            return Entities.set(tenant, "createdAt", Instant.now());
        });
    }

    public List<Tenant> all() {
        return List.copyOf(byAlias.values());
    }
}
