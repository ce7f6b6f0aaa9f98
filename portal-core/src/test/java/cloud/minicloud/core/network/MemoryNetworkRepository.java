package cloud.minicloud.core.network;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Tenant networks, their addresses and the segment allocator in memory. */
public class MemoryNetworkRepository implements NetworkRepository {

    private final Map<UUID, TenantNetwork> networks = new ConcurrentHashMap<>();
    /** Per network, host part to instance. */
    private final Map<UUID, Map<Integer, UUID>> addresses = new ConcurrentHashMap<>();
    private int firstSegment = 1;
    private int nextSegment = 1;
    private int lastSegment = 16_777_215;
    private int nextSubnet;
    /** Freed pairs, oldest first, with when they were freed. */
    private final java.util.Deque<java.util.Map.Entry<NetworkAllocation, java.time.Instant>> freed = new java.util.ArrayDeque<>();

    @Override
    public Optional<TenantNetwork> find(long tenantId, UUID id) {
        return findAny(id).filter(n -> tenantOf(n) == tenantId);
    }

    private static long tenantOf(TenantNetwork network) {
        return (long) cloud.minicloud.core.testing.Entities.get(network, "tenantId");
    }

    @Override
    public Optional<TenantNetwork> findAny(UUID id) {
        return Optional.ofNullable(networks.get(id));
    }

    @Override
    public boolean nameTaken(long tenantId, String name) {
        return networks.values().stream().anyMatch(n -> tenantOf(n) == tenantId && n.name().equals(name));
    }

    @Override
    public List<TenantNetwork> list(long tenantId, int offset, int limit) {
        return networks.values().stream().filter(n -> tenantOf(n) == tenantId)
                .sorted(Comparator.comparing(TenantNetwork::name)).skip(offset).limit(limit).toList();
    }

    @Override
    public long count(long tenantId) {
        return networks.values().stream().filter(n -> tenantOf(n) == tenantId).count();
    }

    @Override
    public void add(TenantNetwork network) {
        networks.put(network.id(), network);
    }

    @Override
    public void remove(TenantNetwork network) {
        networks.remove(network.id());
    }

    @Override
    public synchronized OptionalInt assignAddress(UUID network, UUID instance) {
        Map<Integer, UUID> taken = addresses.computeIfAbsent(network, n -> new ConcurrentHashMap<>());
        for (int host = TenantNetwork.FIRST_HOST; host <= TenantNetwork.LAST_HOST; host++) {
            if (!taken.containsKey(host)) {
                taken.put(host, instance);
                return OptionalInt.of(host);
            }
        }
        return OptionalInt.empty();
    }

    @Override
    public synchronized void releaseAddress(UUID instance) {
        addresses.values().forEach(taken -> taken.values().removeIf(instance::equals));
    }

    @Override
    public long addressesTaken(UUID network) {
        return addresses.getOrDefault(network, Map.of()).size();
    }

    @Override
    public boolean inUse(UUID network) {
        return addressesTaken(network) > 0;
    }

    @Override
    public synchronized void useSegmentRange(int first, int last) {
        firstSegment = first;
        nextSegment = Math.max(nextSegment, first);
        lastSegment = last;
    }

    @Override
    public synchronized Optional<NetworkAllocation> allocate(java.time.Instant freedBefore) {
        for (var pair : freed) {
            int segment = pair.getKey().segmentId();
            if (!pair.getValue().isAfter(freedBefore) && segment >= firstSegment && segment <= lastSegment) {
                freed.remove(pair);
                return Optional.of(pair.getKey());
            }
        }
        if (nextSegment > lastSegment || nextSubnet >= NetworkAllocation.SUBNETS) {
            return Optional.empty();
        }
        return Optional.of(new NetworkAllocation(nextSegment++, NetworkAllocation.subnet(nextSubnet++)));
    }

    @Override
    public synchronized void release(NetworkAllocation allocation, java.time.Instant at) {
        freed.addLast(java.util.Map.entry(allocation, at));
    }

    /** Every address taken, in every network: a leak shows here. */
    public long addressesTaken() {
        return addresses.values().stream().mapToLong(Map::size).sum();
    }
}
