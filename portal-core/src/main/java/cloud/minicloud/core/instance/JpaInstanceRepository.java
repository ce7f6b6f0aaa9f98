package cloud.minicloud.core.instance;

import cloud.minicloud.core.node.NodeHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class JpaInstanceRepository implements InstanceRepository {

    private static final String VIEW = "select i, t.alias, f.name, im.name, n.name, nd.name, nd.health, nd.healthSince " + """
            from Instance i
            join Tenant t on t.id = i.tenantId
            join Flavor f on f.id = i.flavorId
            join Image im on im.id = i.imageId
            left join TenantNetwork n on n.id = i.networkId
            left join ComputeNode nd on nd.id = i.nodeId""";
    /** On the instance alone (names through subqueries), so a page and a count need no joins. */
    private static final String FILTER = " " + """
            from Instance i
            where (:tenant is null or i.tenantId = :tenant) and i.state <> cloud.minicloud.core.instance.InstanceState.DELETED
            and (:anyState = true or i.state in :states)
            and (:name is null or locate(:name, i.name) > 0)
            and (:tenantAlias is null or i.tenantId in (select t.id from Tenant t where t.alias = :tenantAlias))
            and (:node is null or i.nodeId in (select nd.id from ComputeNode nd where nd.name = :node))
            and (:flavor is null or i.flavorId in (select f.id from Flavor f where f.name = :flavor))
            and (:zone is null or i.nodeId in (select zn.id from ComputeNode zn where zn.zone = :zone))
            and (:network is null or i.networkId = :network)""";

    @PersistenceContext(unitName = "minicloud")
    EntityManager em;

    @jakarta.inject.Inject
    SubscriptionPolicy policy;

    @Override
    public void add(Instance instance) {
        em.persist(instance);
    }

    @Override
    public Optional<Instance> find(UUID id) {
        return Optional.ofNullable(em.find(Instance.class, id.toString()));
    }

    @Override
    public Optional<Instance> lock(UUID id) {
        // Locked and reloaded: a copy read earlier in the transaction may be stale once the lock is granted.
        Optional<Instance> instance = find(id);
        instance.ifPresent(i -> em.refresh(i, LockModeType.PESSIMISTIC_WRITE));
        return instance;
    }

    @Override
    public Optional<Instance> findForTenant(long tenantId, UUID id) {
        return find(id).filter(i -> i.tenantId() == tenantId && i.state() != InstanceState.DELETED);
    }

    @Override
    public List<InstanceView> views(Long tenantId, InstanceFilter filter, int offset, int limit) {
        // The page's ids from an index first, then only those rows joined with the names they refer to.
        List<String> ids = filtered(em.createQuery("select i.id" + FILTER + " order by i.createdAt desc, i.id desc", String.class),
                tenantId, filter).setFirstResult(offset).setMaxResults(limit).getResultList();
        java.util.Map<UUID, InstanceView> views = views(ids.stream().map(UUID::fromString).toList());
        return ids.stream().map(id -> views.get(UUID.fromString(id))).toList();
    }

    @Override
    public java.util.Map<UUID, InstanceView> views(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        return em.createQuery(VIEW + " where i.id in :ids", Object[].class)
                .setParameter("ids", ids.stream().map(UUID::toString).toList()).getResultStream().map(viewer())
                .collect(Collectors.toMap(InstanceView::id, view -> view));
    }

    @Override
    public long count(Long tenantId, InstanceFilter filter) {
        return filtered(em.createQuery("select count(i)" + FILTER, Long.class), tenantId, filter)
                .getSingleResult();
    }

    @Override
    public java.util.Map<InstanceState, Long> countByState() {
        return em.createQuery("select i.state, count(i) from Instance i"
                        + " where i.state <> cloud.minicloud.core.instance.InstanceState.DELETED group by i.state", Object[].class).getResultStream()
                .collect(java.util.stream.Collectors.toMap(row -> (InstanceState) row[0], row -> (Long) row[1]));
    }

    @Override
    public boolean anyOfFlavor(long flavorId) {
        return !em.createQuery("select i.id from Instance i where i.flavorId = :flavor", Object.class)
                .setParameter("flavor", flavorId).setMaxResults(1).getResultList().isEmpty();
    }

    private static <T> TypedQuery<T> filtered(TypedQuery<T> query, Long tenantId, InstanceFilter filter) {
        // "in" needs a list that is not empty even where any state will do
        return query.setParameter("tenant", tenantId).setParameter("anyState", filter.states().isEmpty())
                .setParameter("states", filter.states().isEmpty() ? java.util.List.of(InstanceState.RUNNING) : filter.states())
                .setParameter("name", filter.name())
                .setParameter("tenantAlias", filter.tenant()).setParameter("node", filter.node())
                .setParameter("flavor", filter.flavor()).setParameter("zone", filter.zone())
                .setParameter("network", filter.network() == null ? null : filter.network().toString());
    }

    @Override
    public InstanceView view(UUID id) {
        return viewer().apply(em.createQuery(VIEW + " where i.id = :id", Object[].class)
                .setParameter("id", id.toString())
                .getSingleResult());
    }

    @Override
    public List<InstanceView> subscriptionsEndingBy(long tenantId, java.time.Instant at) {
        return em.createQuery(VIEW + " where i.tenantId = :tenant and i.expiresAt <= :at"
                        + " and i.state not in (cloud.minicloud.core.instance.InstanceState.DELETING,"
                        + " cloud.minicloud.core.instance.InstanceState.DELETED) order by i.expiresAt", Object[].class)
                .setParameter("tenant", tenantId)
                .setParameter("at", at)
                .setMaxResults(100)
                .getResultList()
                .stream()
                .map(viewer())
                .toList();
    }

    @Override
    public List<UUID> subscriptionsDue(java.time.Instant at, java.time.Instant releaseBy, java.time.Instant settledBy) {
        return em.createQuery("""
                        select i.id from Instance i where i.billingMethod = cloud.minicloud.core.instance.BillingMethod.SUBSCRIPTION
                        and i.expiresAt <= :at and i.stateChangedAt <= :settled
                        and (i.state = cloud.minicloud.core.instance.InstanceState.RUNNING or (i.expiresAt <= :release
                        and i.state not in (cloud.minicloud.core.instance.InstanceState.IMAGING,
                        cloud.minicloud.core.instance.InstanceState.DELETING, cloud.minicloud.core.instance.InstanceState.DELETED)))
                        order by i.expiresAt""", String.class)
                .setParameter("at", at)
                .setParameter("release", releaseBy)
                .setParameter("settled", settledBy)
                .getResultStream()
                .map(UUID::fromString)
                .toList();
    }

    @Override
    public Set<UUID> liveOnNode(long nodeId) {
        return em.createQuery("""
                        select i.id from Instance i where (i.nodeId = :node or i.migratingTo = :node)
                        and i.state <> cloud.minicloud.core.instance.InstanceState.DELETED""", String.class)
                .setParameter("node", nodeId)
                .getResultStream()
                .map(UUID::fromString)
                .collect(Collectors.toSet());
    }

    @Override
    public Set<Long> nodesOfNetwork(UUID networkId) {
        // The node each is on, and the one each migrating instance moves to.
        Set<Long> nodes = new java.util.HashSet<>();
        for (String node : List.of("nodeId", "migratingTo")) {
            nodes.addAll(em.createQuery("select distinct i." + node + " from Instance i where i.networkId = :network and i."
                            + node + " is not null and i.state <> cloud.minicloud.core.instance.InstanceState.DELETED", Long.class)
                    .setParameter("network", networkId.toString())
                    .getResultList());
        }
        return nodes;
    }

    @Override
    public Set<UUID> networksOnNode(long nodeId) {
        return em.createQuery("""
                        select distinct i.networkId from Instance i where (i.nodeId = :node or i.migratingTo = :node)
                        and i.state <> cloud.minicloud.core.instance.InstanceState.DELETED""", String.class)
                .setParameter("node", nodeId)
                .getResultStream()
                .map(UUID::fromString)
                .collect(Collectors.toSet());
    }

    /**
     * Rows to views, under the subscription terms in force now: asked of billing once per page, and
     * only when the page holds a subscription (most views are of pay-as-you-go instances).
     */
    private java.util.function.Function<Object[], InstanceView> viewer() {
        SubscriptionPolicy.Terms[] asked = new SubscriptionPolicy.Terms[1];
        java.util.function.Supplier<SubscriptionPolicy.Terms> terms = () -> {
            if (asked[0] == null) {
                asked[0] = policy.terms();
            }
            return asked[0];
        };
        return row -> ((Instance) row[0]).view((String) row[1], (String) row[2], (String) row[3], (String) row[4],
                (String) row[5], NodeProblems.describe((String) row[5], (NodeHealth) row[6], (java.time.Instant) row[7]), terms);
    }
}
