package cloud.minicloud.core.instance;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Where instances are kept. Tenant-facing reads are scoped to one tenant and never show deleted ones. */
public interface InstanceRepository {

    void add(Instance instance);

    /** Any instance by id, deleted or not: for tasks and the reconciler. */
    Optional<Instance> find(UUID id);

    /** The instance, locked until the transaction ends. */
    Optional<Instance> lock(UUID id);

    /** One of the tenant's instances that is not deleted. */
    Optional<Instance> findForTenant(long tenantId, UUID id);

    /** Whether any instance, deleted ones included, was ever of this flavor (their history names it). */
    boolean anyOfFlavor(long flavorId);

    /**
     * A page of the tenant's instances (every tenant's for null), newest first, with the names of
     * what they refer to.
     *
     */
    List<InstanceView> views(Long tenantId, InstanceFilter filter, int offset, int limit);

    long count(Long tenantId, InstanceFilter filter);

    /** Every tenant's instances not deleted, how many in each state (states with none left out). */
    java.util.Map<InstanceState, Long> countByState();

    InstanceView view(UUID id);

    /** The views of those of these instances that exist (deleted ones too), by id, in one read. */
    java.util.Map<UUID, InstanceView> views(java.util.Collection<UUID> ids);

    /** The tenant's subscriptions whose term ends by {@code at} (ended ones too), soonest first: for warning them. */
    List<InstanceView> subscriptionsEndingBy(long tenantId, java.time.Instant at);

    /**
     * The subscriptions whose term ended by {@code at} and that are running (to stop) or ended by
     * {@code releaseBy} (to release), and whose state has not changed since {@code settledBy}.
     */
    List<UUID> subscriptionsDue(java.time.Instant at, java.time.Instant releaseBy, java.time.Instant settledBy);

    /** The ids of the instances placed on the node, or moving to it, that are not deleted. */
    Set<UUID> liveOnNode(long nodeId);

    /** The nodes holding instances (not deleted) of the network, or receiving one: where its segment has to exist. */
    Set<Long> nodesOfNetwork(UUID networkId);

    /** The networks of the instances (not deleted) on the node or moving to it: the segments it has to carry. */
    Set<UUID> networksOnNode(long nodeId);
}
