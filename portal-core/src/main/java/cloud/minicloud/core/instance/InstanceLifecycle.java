package cloud.minicloud.core.instance;

import cloud.minicloud.core.flavor.Flavor;
import cloud.minicloud.core.flavor.FlavorRepository;
import cloud.minicloud.core.image.Image;
import cloud.minicloud.core.image.ImageRepository;
import cloud.minicloud.core.network.NetworkRepository;
import cloud.minicloud.core.network.TenantNetwork;
import cloud.minicloud.core.node.ComputeNode;
import cloud.minicloud.core.node.NodeCapacity;
import cloud.minicloud.core.node.NodeRepository;
import cloud.minicloud.core.placement.Placement;
import cloud.minicloud.core.quota.QuotaRepository;
import cloud.minicloud.core.quota.ResourceAmounts;
import cloud.minicloud.core.tenant.TenantRepository;
import cloud.minicloud.hypervisor.FirstBoot;
import cloud.minicloud.hypervisor.InstanceSpec;
import cloud.minicloud.hypervisor.PowerState;
import cloud.minicloud.hypervisor.TenantNetworkSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The database side of instance tasks and of reconciliation: each method one short transaction
 * that moves an instance on, or gives back what it held (exactly once).
 */
@ApplicationScoped
@Transactional
public class InstanceLifecycle {

    @Inject
    InstanceRepository instances;

    @Inject
    NetworkRepository networks;

    @Inject
    NodeRepository nodes;

    @Inject
    QuotaRepository quotas;

    @Inject
    TenantRepository tenants;

    @Inject
    FlavorRepository flavors;

    @Inject
    ImageRepository images;

    @Inject
    Placement placement;

    @Inject
    NetworkSpan span;

    @Inject
    InstanceChanges changes;

    @Inject
    InstanceMetering metering;

    /** What a task needs to know of its instance to drive the node. */
    public record Facts(UUID id, String name, InstanceState state, ComputeNode node, long imageId,
                        UUID networkId, java.time.Instant orderedAt, boolean migratingLive) {
    }

    public Facts facts(UUID id) {
        Instance instance = instances.find(id).orElseThrow();
        ComputeNode node = instance.nodeId() == null ? null : nodes.find(instance.nodeId()).orElseThrow();
        return new Facts(id, instance.name(), instance.state(), node, instance.imageId(), instance.networkId(),
                instance.createdAt(), instance.migratingLive());
    }

    private String tenantAlias(long tenantId) {
        return tenants.find(tenantId).orElseThrow().alias();
    }

    /** A node by its id (the node a migration goes to). */
    public ComputeNode node(long nodeId) {
        return nodes.find(nodeId).orElseThrow();
    }

    /** The network as the node carries it, with its peers (read when a task makes it there, not for every task). */
    public TenantNetworkSpec networkOn(UUID networkId, long nodeId) {
        return span.on(networkId, nodeId).orElseThrow(() -> new IllegalStateException("network " + networkId + " is gone"));
    }

    /** A long task's progress, in the instance's state reason (its state stays). */
    public void note(UUID id, String reason) {
        Instance instance = instances.lock(id).orElseThrow();
        move(instance, instance.state(), reason);
    }

    /** The instance is on the node it moved to, which holds its claim already: {@code running} there, or stopped. */
    public void migrated(UUID id, boolean running, String reason) {
        moveEnded(instances.lock(id).orElseThrow(), true, running, reason);
    }

    /** The move failed: the instance stays where it was, and so does its claim. */
    public void migrationFailed(UUID id, boolean running, String reason) {
        Instance instance = instances.lock(id).orElseThrow();
        placement.returnClaim(id, instance.nodeId());
        moveEnded(instance, false, running, reason);
    }

    /** Inside the metered change: whether a live move was billed is read before the move is forgotten. */
    private void moveEnded(Instance instance, boolean arrived, boolean running, String reason) {
        if (metering.move(instance, () -> {
            instance.migrationEnded(arrived);
            return instance.moveTo(running ? InstanceState.RUNNING : InstanceState.STOPPED, reason);
        })) {
            changes.changed(instance.tenantId(), instance.id());
        }
    }

    /** The domain to create, with the first-boot seed that carries the login (still kept until the start step). */
    public InstanceSpec launchSpec(UUID id) {
        Instance instance = instances.find(id).orElseThrow();
        Image image = images.find(instance.imageId()).orElseThrow();
        TenantNetwork network = networks.findAny(instance.networkId()).orElseThrow();
        if (instance.loginPassword() == null && instance.loginSshKey() == null) {
            throw new IllegalStateException("the login of instance " + id + " was already forgotten: its seed was written");
        }
        String address = network.address(hostOf(instance.privateIp()), true);
        FirstBoot boot = new FirstBoot(instance.hostname(), instance.loginPassword(), instance.loginSshKey(), address,
                null, List.of());
        return new InstanceSpec(id, instance.name(), tenantAlias(instance.tenantId()), instance.vcpus(),
                instance.memoryMib(), image.templateName(), instance.systemDiskGib(), InstanceSpec.CloneMode.LINKED,
                List.of(), List.of(new InstanceSpec.NetworkAttachment(network.id(), instance.macAddress(),
                        network.address(hostOf(instance.privateIp()), false))), boot);
    }

    private static int hostOf(String ip) {
        return Integer.parseInt(ip.substring(ip.lastIndexOf('.') + 1));
    }

    /** False once a delete is under way: launch steps stop there and leave the rest to the delete. */
    public boolean stillWanted(UUID id) {
        InstanceState state = instances.find(id).orElseThrow().state();
        return state != InstanceState.DELETING && state != InstanceState.DELETED;
    }

    public void moveTo(UUID id, InstanceState state, String reason) {
        move(instances.lock(id).orElseThrow(), state, reason);
    }

    /** Every state change goes through here, so watchers hear of each one. */
    private void move(Instance instance, InstanceState state, String reason) {
        if (metering.move(instance, () -> instance.moveTo(state, reason))) {
            changes.changed(instance.tenantId(), instance.id());
        }
    }

    /** The launch starts its guest: the seed holding the login is written, so the login is forgotten. */
    public void starting(UUID id, String reason) {
        Instance instance = instances.lock(id).orElseThrow();
        instance.forgetLogin();
        move(instance, InstanceState.STARTING, reason);
    }

    /**
     * A launch that failed for good: its resources go back, the instance shows why, unless a
     * delete overtook it: then the delete ends it.
     */
    public void launchFailed(UUID id, String reason) {
        Instance instance = instances.lock(id).orElseThrow();
        release(instance);
        if (!instance.beingDeleted()) {
            move(instance, InstanceState.ERROR, reason);
        }
    }

    /**
     * A launch gave up without reaching its node to clean up: the instance keeps its resources
     * (a delete gives them back once the node is cleaned) and says why, unless a delete is under way.
     */
    public void launchAbandoned(UUID id, String reason) {
        Instance instance = instances.lock(id).orElseThrow();
        if (!instance.beingDeleted()) {
            move(instance, InstanceState.ERROR, reason);
        }
    }

    /** The domain and its disks are gone: the rest goes back and the instance is deleted. */
    public void deleted(UUID id) {
        Instance instance = instances.lock(id).orElseThrow();
        release(instance);
        move(instance, InstanceState.DELETED, "deleted");
    }

    private void release(Instance instance) {
        if (instance.giveUpResources()) {
            quotas.findForUpdate(instance.tenantId()).orElseThrow().release(instance.quotaAmounts());
            nodes.removeClaim(instance.id());
            metering.diskReleased(instance);
            networks.releaseAddress(instance.id());
            instance.forgetLogin();
        }
    }

    /** The size a resize goes to (read here; the node is driven outside any transaction). */
    public Size flavor(long flavorId) {
        Flavor flavor = flavors.find(flavorId).orElseThrow();
        return new Size(flavor.vcpus(), flavor.memoryMib());
    }

    public record Size(int vcpus, long memoryMib) {
    }

    /** The resize task reached the node: the instance takes the new flavor, and gives back what it no longer needs. */
    public void resized(UUID id, long flavorId) {
        Instance instance = instances.lock(id).orElseThrow();
        Flavor flavor = flavors.find(flavorId).orElseThrow();
        ResourceAmounts shrink = instance.quotaAmounts().excessOver(flavorAmounts(instance, flavor));
        quotas.findForUpdate(instance.tenantId()).orElseThrow().release(shrink);
        instance.resized(flavor.id(), flavor.vcpus(), flavor.memoryMib());
        move(instance, InstanceState.STOPPED, "resized to " + flavor.name());
    }

    /** The resize failed: the quota and capacity taken for it go back; the instance keeps its flavor. */
    public void resizeFailed(UUID id, long flavorId, String reason) {
        Instance instance = instances.lock(id).orElseThrow();
        Flavor flavor = flavors.find(flavorId).orElseThrow();
        ResourceAmounts grow = flavorAmounts(instance, flavor).excessOver(instance.quotaAmounts());
        quotas.findForUpdate(instance.tenantId()).orElseThrow().release(grow);
        placement.resizeClaim(id, new NodeCapacity(instance.vcpus(), instance.memoryMib(), instance.systemDiskGib()));
        move(instance, InstanceState.STOPPED, reason);
    }

    static ResourceAmounts flavorAmounts(Instance instance, Flavor flavor) {
        return new ResourceAmounts(1, flavor.vcpus(), flavor.memoryMib(), instance.systemDiskGib(), 0, 0, 0);
    }

    /**
     * What the hypervisor reported at {@code seenAt}, applied to an instance no task owns: a guest
     * that stopped or vanished behind the portal's back shows it. A state that changed after the
     * observation wins over it, and a node the instance has left (it migrated) says nothing of it.
     * Answers whether the state changed.
     */
    public boolean observed(UUID id, PowerState power, ComputeNode node, java.time.Instant seenAt) {
        Optional<Instance> found = instances.lock(id);
        if (found.isEmpty() || !found.get().state().settled() || found.get().stateChangedAt().isAfter(seenAt)
                || !Long.valueOf(node.id()).equals(found.get().nodeId())) {
            return false;
        }
        String nodeName = node.name();
        Instance instance = found.get();
        InstanceState seen = switch (power) {
            case RUNNING, PAUSED, SHUTTING_DOWN -> InstanceState.RUNNING;
            case SHUT_OFF, CRASHED -> InstanceState.STOPPED;
            case MISSING -> InstanceState.ERROR;
        };
        if (seen == instance.state()) {
            return false;
        }
        boolean back = instance.state() == InstanceState.UNKNOWN;
        move(instance, seen, switch (seen) {
            case RUNNING -> back ? "node " + nodeName + " answers again: running"
                    : "found running on node " + nodeName + " (started outside the portal)";
            case STOPPED -> (back ? "node " + nodeName + " answers again: " : "") + "found "
                    + (power == PowerState.CRASHED ? "crashed" : "powered off") + " on node " + nodeName
                    + (back ? "" : " (stopped outside the portal)") + "; start it again";
            default -> "its virtual machine vanished from node " + nodeName + "; delete the instance";
        });
        return true;
    }

    /**
     * The instance's node has not answered since {@code since}: a settled instance shows UNKNOWN
     * (nothing about it is changed or deleted) until the node answers and {@link #observed} settles
     * it. Answers whether the state changed.
     */
    public boolean lost(UUID id, String nodeName, java.time.Instant since) {
        Optional<Instance> found = instances.lock(id);
        if (found.isEmpty() || !found.get().state().settled() || found.get().state() == InstanceState.UNKNOWN) {
            return false;
        }
        move(found.get(), InstanceState.UNKNOWN, "node " + nodeName + " has not answered since " + since.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                + ": whether it runs is not known; it shows its state again once the node answers");
        return true;
    }
}
