package cloud.minicloud.core.instance;

import cloud.minicloud.core.flavor.FlavorRepository;
import cloud.minicloud.core.image.ImageRepository;
import cloud.minicloud.core.network.NetworkRepository;
import cloud.minicloud.core.node.ComputeNode;
import cloud.minicloud.core.node.NodeRepository;
import cloud.minicloud.core.tenant.TenantRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Instances in memory; views are joined from the other in-memory repositories. */
public class MemoryInstanceRepository implements InstanceRepository {

    @jakarta.inject.Inject
    SubscriptionPolicy policy;


    private final Map<UUID, Instance> instances = new ConcurrentHashMap<>();
    private final TenantRepository tenants;
    private final FlavorRepository flavors;
    private final ImageRepository images;
    private final NetworkRepository networks;
    private final NodeRepository nodes;

    public MemoryInstanceRepository(TenantRepository tenants, FlavorRepository flavors, ImageRepository images,
                                    NetworkRepository networks, NodeRepository nodes) {
        this.tenants = tenants;
        this.flavors = flavors;
        this.images = images;
        this.networks = networks;
        this.nodes = nodes;
    }

    @Override
    public void add(Instance instance) {
        instances.put(instance.id(), instance);
    }

    @Override
    public Optional<Instance> find(UUID id) {
        return Optional.ofNullable(instances.get(id));
    }

    @Override
    public Optional<Instance> lock(UUID id) {
        return find(id);
    }

    @Override
    public Optional<Instance> findForTenant(long tenantId, UUID id) {
        return find(id).filter(i -> i.tenantId() == tenantId && i.state() != InstanceState.DELETED);
    }

    private Stream<Instance> filtered(Long tenantId, InstanceFilter filter) {
        return instances.values().stream()
                .filter(i -> i.state() != InstanceState.DELETED)
                .filter(i -> tenantId == null || i.tenantId() == tenantId)
                .filter(i -> filter.matches(i.state()))
                .filter(i -> filter.name() == null || i.name().contains(filter.name()))
                .filter(i -> filter.tenant() == null || filter.tenant().equals(view(i.id()).tenant()))
                .filter(i -> filter.node() == null || filter.node().equals(view(i.id()).node()))
                .filter(i -> filter.flavor() == null || filter.flavor().equals(view(i.id()).flavor()))
                .filter(i -> filter.zone() == null || i.nodeId() != null && filter.zone().equals(nodes.find(i.nodeId()).orElseThrow().zone()))
                .filter(i -> filter.network() == null || filter.network().equals(i.networkId()));
    }

    @Override
    public List<InstanceView> views(Long tenantId, InstanceFilter filter, int offset, int limit) {
        return filtered(tenantId, filter)
                .sorted(Comparator.comparing(Instance::createdAt).thenComparing(i -> i.id().toString()).reversed())
                .skip(offset).limit(limit).map(i -> view(i.id())).toList();
    }

    @Override
    public long count(Long tenantId, InstanceFilter filter) {
        return filtered(tenantId, filter).count();
    }

    @Override
    public java.util.Map<InstanceState, Long> countByState() {
        return filtered(null, InstanceFilter.ALL).collect(java.util.stream.Collectors.groupingBy(Instance::state,
                java.util.stream.Collectors.counting()));
    }

    @Override
    public java.util.Map<UUID, InstanceView> views(java.util.Collection<UUID> ids) {
        return ids.stream().distinct().filter(instances::containsKey)
                .collect(java.util.stream.Collectors.toMap(id -> id, this::view));
    }

    @Override
    public InstanceView view(UUID id) {
        Instance i = instances.get(id);
        Optional<ComputeNode> node = i.nodeId() == null ? Optional.empty() : nodes.find(i.nodeId());
        return i.view(tenants.find(i.tenantId()).orElseThrow().alias(), flavors.find(i.flavorId()).orElseThrow().name(),
                images.find(i.imageId()).orElseThrow().name(),
                networks.findAny(i.networkId()).map(n -> n.name()).orElse(null),
                node.map(ComputeNode::name).orElse(null),
                node.map(n -> NodeProblems.describe(n.name(), n.health(), null)).orElse(null), policy::terms);
    }

    @Override
    public Set<UUID> liveOnNode(long nodeId) {
        return instances.values().stream()
                .filter(i -> (Long.valueOf(nodeId).equals(i.nodeId()) || Long.valueOf(nodeId).equals(i.migratingTo()))
                        && i.state() != InstanceState.DELETED)
                .map(Instance::id).collect(Collectors.toSet());
    }

    @Override
    public Set<Long> nodesOfNetwork(UUID networkId) {
        return instances.values().stream()
                .filter(i -> i.networkId().equals(networkId) && i.state() != InstanceState.DELETED)
                .flatMap(i -> java.util.stream.Stream.of(i.nodeId(), i.migratingTo()))
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
    }

    @Override
    public Set<UUID> networksOnNode(long nodeId) {
        return instances.values().stream()
                .filter(i -> (Long.valueOf(nodeId).equals(i.nodeId()) || Long.valueOf(nodeId).equals(i.migratingTo()))
                        && i.state() != InstanceState.DELETED)
                .map(Instance::networkId).collect(Collectors.toSet());
    }

    @Override
    public List<InstanceView> subscriptionsEndingBy(long tenantId, java.time.Instant at) {
        return instances.values().stream()
                .filter(i -> i.tenantId() == tenantId && i.expiresAt() != null && !i.expiresAt().isAfter(at)
                        && i.state() != InstanceState.DELETING && i.state() != InstanceState.DELETED)
                .sorted(java.util.Comparator.comparing(Instance::expiresAt))
                .map(i -> view(i.id())).toList();
    }

    @Override
    public List<UUID> subscriptionsDue(java.time.Instant at, java.time.Instant releaseBy, java.time.Instant settledBy) {
        return instances.values().stream()
                .filter(i -> i.billingMethod() == BillingMethod.SUBSCRIPTION && i.expired(at)
                        && !i.stateChangedAt().isAfter(settledBy)
                        && (i.state() == InstanceState.RUNNING || (!i.expiresAt().isAfter(releaseBy)
                        && !java.util.Set.of(InstanceState.IMAGING, InstanceState.DELETING, InstanceState.DELETED).contains(i.state()))))
                .map(Instance::id).toList();
    }

    @Override
    public boolean anyOfFlavor(long flavorId) {
        return instances.values().stream().anyMatch(instance -> instance.flavorId() == flavorId);
    }
}
