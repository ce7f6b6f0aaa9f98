package cloud.minicloud.core.network;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/** Where tenant networks are kept. Every read is scoped to one tenant. */
public interface NetworkRepository {

    Optional<TenantNetwork> find(long tenantId, UUID id);

    /** A network by id whatever its tenant: for tasks that already know whose it is. */
    Optional<TenantNetwork> findAny(UUID id);

    boolean nameTaken(long tenantId, String name);

    List<TenantNetwork> list(long tenantId, int offset, int limit);

    long count(long tenantId);

    void add(TenantNetwork network);

    void remove(TenantNetwork network);

    /**
     * Gives the instance the lowest free address of the network (hosts 10 to 254 of its /24; the
     * low ones are kept for gateways and services), under the network row's lock.
     *
     * @return the host part, or empty when the network is full
     */
    OptionalInt assignAddress(UUID network, UUID instance);

    /** Gives back the instance's address, if it has one. */
    void releaseAddress(UUID instance);

    /** How many instances hold an address in the network (no lock: for showing). */
    long addressesTaken(UUID network);

    /** Whether any instance holds an address in the network; locks the network, so none can join until commit. */
    boolean inUse(UUID network);

    /** Narrows the segments new networks get to the range (a cloud admin's setting); taken ones stay. */
    void useSegmentRange(int first, int last);

    /**
     * A segment and subnet for a new network, taken under a lock so that concurrent creates never
     * share one: the pair freed longest ago, if it was freed before {@code freedBefore} (its
     * quarantine is over), else the next never used; empty when the range is used up.
     */
    java.util.Optional<NetworkAllocation> allocate(java.time.Instant freedBefore);

    /** A deleted network's segment and subnet go back to the pool, to be given again after a quarantine. */
    void release(NetworkAllocation allocation, java.time.Instant at);
}
