package cloud.minicloud.core.network;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where tenant networks are kept. Every read is scoped to one tenant. */
public interface NetworkRepository {

    Optional<TenantNetwork> find(long tenantId, UUID id);

    boolean nameTaken(long tenantId, String name);

    List<TenantNetwork> list(long tenantId, int offset, int limit);

    long count(long tenantId);

    void add(TenantNetwork network);

    void remove(TenantNetwork network);

    /** The next free segment and subnet, taken under a lock so that concurrent creates never share one. */
    NetworkAllocation allocate();
}
