package cloud.minicloud.core.instance;

import cloud.minicloud.core.audit.Audited;
import cloud.minicloud.core.InvalidRequestException;
import cloud.minicloud.core.NotFoundException;
import cloud.minicloud.core.flavor.Flavor;
import cloud.minicloud.core.flavor.FlavorRepository;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.image.Image;
import cloud.minicloud.core.image.ImageRepository;
import cloud.minicloud.core.image.ImageService;
import cloud.minicloud.core.image.ImageView;
import cloud.minicloud.core.image.NewImage;
import cloud.minicloud.core.network.NetworkRepository;
import cloud.minicloud.core.network.TenantNetwork;
import cloud.minicloud.core.node.ComputeNode;
import cloud.minicloud.core.node.NodeCapacity;
import cloud.minicloud.core.node.NodeDrivers;
import cloud.minicloud.core.node.NodeRepository;
import cloud.minicloud.core.placement.NoCapacityException;
import cloud.minicloud.core.placement.Placement;
import cloud.minicloud.core.quota.Quota;
import cloud.minicloud.core.quota.QuotaRepository;
import cloud.minicloud.core.quota.ResourceAmounts;
import cloud.minicloud.core.quota.TenantEnrolment;
import cloud.minicloud.core.task.TaskJournal;
import cloud.minicloud.core.task.TaskKind;
import cloud.minicloud.core.task.TaskView;
import cloud.minicloud.core.task.TaskWorkers;
import cloud.minicloud.core.tenant.Tenant;
import cloud.minicloud.hypervisor.HypervisorException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A tenant's instances: order them (quota, placement and address taken in one transaction, then a
 * launch task queued), operate them through tasks, look at them. The tenant is always the
 * caller's: another tenant's instance is not found, exactly like a missing one.
 */
@ApplicationScoped
@Transactional
public class InstanceService {

    public static final int DEFAULT_DISK_GIB = 20;
    public static final int MAX_DISK_GIB = 2048;
    public static final int MAX_COUNT = 100;
    private static final int CONSOLE_LOG_BYTES = 64 * 1024;

    @Inject
    TenantEnrolment enrolment;

    @Inject
    QuotaRepository quotas;

    @Inject
    FlavorRepository flavors;

    @Inject
    ImageRepository images;

    @Inject
    ImageService catalog;

    @Inject
    NetworkRepository networks;

    @Inject
    InstanceRepository instances;

    @Inject
    NodeRepository nodes;

    @Inject
    NodeDrivers drivers;

    @Inject
    Placement placement;

    @Inject
    TaskJournal journal;

    @Inject
    TaskWorkers workers;

    @Inject
    InstanceChanges changes;

    @Inject
    InstanceMetering metering;

    @Inject
    cloud.minicloud.core.AfterCommit afterCommit;

    /**
     * Orders {@code count} instances: all or none. Refused before anything is created if the order
     * is malformed, over the quota, or no node has room.
     */
    @Audited
    public List<InstanceView> launch(Caller caller, LaunchOrder order) {
        Plan plan = plan(caller, order);
        quotas.findForUpdate(plan.tenant().id()).orElseThrow().reserve(plan.amounts());
        List<UUID> ordered = new ArrayList<>();
        java.util.Set<Long> warm = images.nodesWithTemplate(plan.image().id());
        for (int i = 1; i <= plan.count(); i++) {
            String instanceName = plan.count() == 1 ? plan.name() : InstanceNames.numbered(plan.name(), i);
            UUID id = UUID.randomUUID();
            Instance instance = Instance.order(id, plan.tenant().id(), instanceName, InstanceNames.hostname(instanceName, id),
                    plan.flavor().id(), plan.flavor().vcpus(), plan.flavor().memoryMib(), plan.image().id(), plan.network().id(),
                    plan.disk(), InstanceNames.macAddress(),
                    plan.login().password() == null ? null : PasswordHash.sha512Crypt(plan.login().password()),
                    plan.login().sshKey(), plan.term());
            ComputeNode node = placement.claim(id, plan.demand(), plan.zone(), warm);
            int host = networks.assignAddress(plan.network().id(), id).orElseThrow(() -> noAddress(plan.network()));
            String address = plan.network().address(host, false);
            instance.placedOn(node.id(), address);
            instances.add(instance);
            metering.diskOrdered(instance);
            journal.enqueue(id, node.id(), TaskKind.LAUNCH, null, "ORDER",
                    "quota reserved, placed on node " + node.name() + ", address " + address);
            ordered.add(id);
            changes.changed(plan.tenant().id(), id);
        }
        wakeWorkersOnCommit();
        return ordered.stream().map(instances::view).toList();
    }

    /**
     * Checks an order as {@link #launch} would, against the quota, the nodes' room and the
     * network's free addresses as they are now, and orders nothing (ECS's DryRun). A launch right
     * after may still be refused if another order took the room in between.
     */
    public void checkLaunch(Caller caller, LaunchOrder order) {
        Plan plan = plan(caller, order);
        quotas.find(plan.tenant().id()).orElseThrow().check(plan.amounts());
        placement.check(plan.demand(), plan.zone(), plan.count());
        if (networks.addressesTaken(plan.network().id()) + plan.count() > TenantNetwork.HOST_ADDRESSES) {
            throw noAddress(plan.network());
        }
    }

    /** An order checked for what it asks by itself, before the quota, the nodes and the network are asked for room. */
    private record Plan(Tenant tenant, int count, String name, Term term, Login login, Flavor flavor, Image image,
                        TenantNetwork network, int disk, String zone) {

        ResourceAmounts amounts() {
            return times(new ResourceAmounts(1, flavor.vcpus(), flavor.memoryMib(), disk, 0, 0, 0), count);
        }

        NodeCapacity demand() {
            return new NodeCapacity(flavor.vcpus(), flavor.memoryMib(), disk);
        }
    }

    private Plan plan(Caller caller, LaunchOrder order) {
        Tenant tenant = enrolment.tenantOf(caller);
        int count = order.count() == null ? 1 : order.count();
        if (count < 1 || count > MAX_COUNT) {
            throw new InvalidRequestException("count is 1 to " + MAX_COUNT);
        }
        String name = InstanceNames.validName(order.name());
        Term term = order.term();
        Login login = Login.of(order.password(), order.sshKey());
        Flavor flavor = flavors.enabledByName(required(order.flavor(), "flavor"))
                .orElseThrow(() -> new InvalidRequestException("no flavor '" + order.flavor() + "'; GET /api/v1/flavors lists them"));
        Image image = order.imageId() != null
                ? images.visibleTo(tenant.id()).stream().filter(i -> i.id() == order.imageId()).findFirst()
                        .orElseThrow(() -> new InvalidRequestException("no image " + order.imageId() + "; GET /api/v1/images lists them"))
                : images.visibleByName(tenant.id(), required(order.image(), "image"))
                        .orElseThrow(() -> new InvalidRequestException("no image '" + order.image() + "'; GET /api/v1/images lists them"));
        TenantNetwork network = networks.find(tenant.id(), networkId(order.network()))
                .orElseThrow(() -> new InvalidRequestException("no network '" + order.network()
                        + "' in your tenant; GET /api/v1/networks lists them, POST creates one"));
        int disk = systemDisk(order.systemDiskGib(), image);
        String zone = order.zone() == null || order.zone().isBlank() ? null : order.zone().strip();
        if (zone != null && !zones().contains(zone)) {
            throw new InvalidRequestException("no zone '" + zone + "'; zones are " + zones());
        }
        if (flavor.memoryMib() < image.minMemoryMib()) {
            throw new InvalidRequestException("image %s needs at least %d MiB of memory; flavor %s has %d"
                    .formatted(image.name(), image.minMemoryMib(), flavor.name(), flavor.memoryMib()));
        }
        return new Plan(tenant, count, name, term, login, flavor, image, network, disk, zone);
    }

    private static NoCapacityException noAddress(TenantNetwork network) {
        return new NoCapacityException("network '" + network.name() + "' has no free address left; use another network");
    }

    public List<InstanceView> list(Caller caller, InstanceState state, String name, int offset, int limit) {
        return list(caller, InstanceFilter.of(state, name), offset, limit);
    }

    public long count(Caller caller, InstanceState state, String name) {
        return count(caller, InstanceFilter.of(state, name));
    }

    /** The caller's tenant's instances the filter keeps (its tenant, node and flavor are not looked at). */
    public List<InstanceView> list(Caller caller, InstanceFilter filter, int offset, int limit) {
        return instances.views(enrolment.tenantOf(caller).id(), filter.withinTenant(), offset, limit);
    }

    public long count(Caller caller, InstanceFilter filter) {
        return instances.count(enrolment.tenantOf(caller).id(), filter.withinTenant());
    }

    /** Every tenant's instances, for a cloud admin, a page at a time. */
    public List<InstanceView> listAll(Caller caller, InstanceFilter filter, int offset, int limit) {
        caller.require(cloud.minicloud.core.identity.Role.CLOUD_ADMIN);
        return instances.views(null, filter, offset, limit);
    }

    public long countAll(Caller caller, InstanceFilter filter) {
        caller.require(cloud.minicloud.core.identity.Role.CLOUD_ADMIN);
        return instances.count(null, filter);
    }

    /** For a cloud admin's overview: every tenant's instances, how many in each state, in one query. */
    public java.util.Map<InstanceState, Long> countAllByState(Caller caller) {
        caller.require(cloud.minicloud.core.identity.Role.CLOUD_ADMIN);
        return instances.countByState();
    }

    public InstanceView get(Caller caller, UUID id) {
        return instances.view(owned(caller, id).id());
    }

    /** Start, stop or reboot: checked against the instance's state, then queued as a task. */
    @Audited
    public InstanceView act(Caller caller, UUID id, InstanceAction action) {
        power(lockOwned(caller, id), action, caller.username());
        return instances.view(id);
    }

    /**
     * A cloud admin's start, stop, reboot or delete of any tenant's instance, as its owner could;
     * the instance's task history tells the tenant an administrator asked for it.
     */
    @Audited
    public InstanceView administer(Caller caller, UUID id, InstanceAction action) {
        caller.require(cloud.minicloud.core.identity.Role.CLOUD_ADMIN);
        Instance instance = instances.lock(id).orElseThrow(() -> new NotFoundException("instance", id.toString()));
        String by = "an administrator (" + caller.username() + ")";
        if (action == InstanceAction.DELETE) {
            release(instance, by);
        } else {
            power(instance, action, by);
        }
        return instances.view(id);
    }

    private void power(Instance instance, InstanceAction action, String by) {
        requirePower(action);
        begin(instance, action, switch (action) {
            case START -> TaskKind.START;
            case STOP -> TaskKind.STOP;
            default -> TaskKind.REBOOT;
        }, null, by);
    }

    /**
     * A cloud admin moves an instance to another node of its zone, live if it runs and cold if it
     * is stopped: the node named, or (null) the one placement weighs highest. The node is checked
     * and its room claimed now; the task moves the guest, which stays as it was (running or
     * stopped) wherever the move ends.
     */
    @Audited
    public InstanceView migrate(Caller caller, UUID id, String nodeName) {
        caller.require(cloud.minicloud.core.identity.Role.CLOUD_ADMIN);
        Instance instance = instances.lock(id).orElseThrow(() -> new NotFoundException("instance", id.toString()));
        instance.checkMigratable();
        ComputeNode target = placement.moveClaim(id, nodeName == null || nodeName.isBlank() ? null : nodeName.strip());
        String by = "an administrator (" + caller.username() + ")";
        instance.beginMigration(target.id(), "moving to node " + target.name() + ", requested by " + by);
        changes.changed(instance.tenantId(), id);
        journal.enqueue(id, instance.nodeId(), TaskKind.MIGRATE, target.id(), "REQUEST", "by " + by);
        wakeWorkersOnCommit();
        return instances.view(id);
    }

    /** Changes a stopped instance's flavor: any growth is taken from the quota and the node now. */
    @Audited
    public InstanceView resize(Caller caller, UUID id, String flavorName) {
        Instance instance = lockOwned(caller, id);
        Flavor flavor = flavors.enabledByName(required(flavorName, "flavor"))
                .orElseThrow(() -> new InvalidRequestException("no flavor '" + flavorName + "'; GET /api/v1/flavors lists them"));
        instance.check(InstanceAction.RESIZE);
        if (flavor.id() == instance.flavorId()) {
            throw new InvalidRequestException("instance '" + instance.name() + "' already has flavor " + flavor.name());
        }
        Image image = images.find(instance.imageId()).orElseThrow();
        if (flavor.memoryMib() < image.minMemoryMib()) {
            throw new InvalidRequestException("image %s needs at least %d MiB of memory".formatted(image.name(), image.minMemoryMib()));
        }
        ResourceAmounts grow = InstanceLifecycle.flavorAmounts(instance, flavor).excessOver(instance.quotaAmounts());
        quotas.findForUpdate(instance.tenantId()).orElseThrow().reserve(grow);
        placement.resizeClaim(id, new NodeCapacity(flavor.vcpus(), flavor.memoryMib(), instance.systemDiskGib()));
        begin(instance, InstanceAction.RESIZE, TaskKind.RESIZE, flavor.id(), caller.username());
        return instances.view(id);
    }

    /**
     * ECS's CreateImage: a private image of the tenant made from a stopped instance's system disk.
     * The instance stays IMAGING (off, not deleted) while its task copies the disk; the image
     * then validates like an upload.
     */
    @Audited
    public ImageView createImage(Caller caller, UUID id, NewImage request) {
        Instance instance = lockOwned(caller, id);
        instance.check(InstanceAction.CREATE_IMAGE);
        ImageView image = catalog.registerFromInstance(caller, instance.tenantId(), id, instance.imageId(), request);
        begin(instance, InstanceAction.CREATE_IMAGE, TaskKind.CREATE_IMAGE, image.id(), caller.username());
        return image;
    }

    /**
     * Deletes an instance in any state but IMAGING; a launch still under way stops and the delete
     * cleans up after it. Deleting what is being deleted already is fine.
     */
    @Audited
    public InstanceView delete(Caller caller, UUID id) {
        release(lockOwned(caller, id), caller.username());
        return instances.view(id);
    }

    /**
     * ECS's DeleteInstance without Force: only an instance that is off (STOPPED, or ERROR) is
     * released, checked under the instance's lock so that a start cannot slip in between.
     */
    @Audited
    public InstanceView deleteStopped(Caller caller, UUID id) {
        Instance instance = lockOwned(caller, id);
        requireOff(instance);
        release(instance, caller.username());
        return instances.view(id);
    }

    /**
     * Checks that the caller may start, stop, reboot or delete the instance in the state it is in
     * now ({@code onlyOff}: delete it as {@link #deleteStopped} does), and does nothing: ECS's DryRun.
     */
    public void checkAction(Caller caller, UUID id, InstanceAction action, boolean onlyOff) {
        Instance instance = owned(caller, id);
        if (action != InstanceAction.DELETE) {
            requirePower(action);
            instance.check(action);
            return;
        }
        if (onlyOff) {
            requireOff(instance);
        }
        releasable(instance);
    }

    private static void requirePower(InstanceAction action) {
        if (!InstanceAction.POWER.contains(action)) {
            throw new InvalidRequestException("an action is start, stop or reboot, not " + action.label());
        }
    }

    private static void requireOff(Instance instance) {
        if (instance.state() != InstanceState.STOPPED && instance.state() != InstanceState.ERROR) {
            throw new InvalidStateException(instance.name(), instance.state(), "only a STOPPED instance is deleted without Force");
        }
    }

    private void release(Instance instance, String by) {
        if (releasable(instance)) {
            begin(instance, InstanceAction.DELETE, TaskKind.DELETE, null, by);
        }
    }

    /** Whether a delete has work to do (one under way already is fine); refused while its disk is being copied. */
    private static boolean releasable(Instance instance) {
        if (instance.allows(InstanceAction.DELETE)) {
            return true;
        }
        if (instance.state() != InstanceState.DELETING && instance.state() != InstanceState.DELETED) {
            instance.check(InstanceAction.DELETE); // says why not (its disk is being copied)
        }
        return false;
    }

    /**
     * The end of the guest's serial console: what it printed while booting and since. Read from
     * the node outside any transaction; a node that cannot say gives an empty log.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public String consoleLog(Caller caller, UUID id) {
        Instance instance = owned(caller, id);
        if (instance.nodeId() == null) {
            return "";
        }
        ComputeNode node = nodes.find(instance.nodeId()).orElseThrow();
        try {
            return drivers.of(node).serialLog(id, CONSOLE_LOG_BYTES);
        } catch (HypervisorException | UnsupportedOperationException e) {
            // No domain yet (still launching), already gone, or a node that cannot show its log.
            return "";
        }
    }

    /**
     * Calls the listener whenever one of the caller's tenant's instances changes (after the change
     * is committed), until the returned handle is closed: how open consoles stay live.
     */
    public AutoCloseable watch(Caller caller, java.util.function.Consumer<UUID> listener) {
        return changes.watch(enrolment.tenantOf(caller).id(), listener);
    }

    /** A cloud admin watches every tenant's instances: the listener is told of each committed change. */
    public AutoCloseable watchAll(Caller caller, java.util.function.Consumer<UUID> listener) {
        caller.require(cloud.minicloud.core.identity.Role.CLOUD_ADMIN);
        return changes.watchAll(listener);
    }

    /** The zones that have compute nodes, for the order form. */
    public List<String> zones() {
        return nodes.all().stream().map(ComputeNode::zone).distinct().sorted().toList();
    }

    /** Each node's zone by the node's name: the zone an instance is in is its node's. */
    public java.util.Map<String, String> zonesByNode() {
        return nodes.all().stream().collect(java.util.stream.Collectors.toMap(ComputeNode::name, ComputeNode::zone));
    }

    /**
     * Where the screen of one of the caller's running instances can be reached (for the portal's
     * console proxy); empty while it is not running. Asked of the node outside any transaction.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public java.util.Optional<InstanceScreen> screen(Caller caller, UUID id) {
        Instance instance = owned(caller, id);
        if (instance.nodeId() == null || instance.state() != InstanceState.RUNNING) {
            return java.util.Optional.empty();
        }
        return drivers.of(nodes.find(instance.nodeId()).orElseThrow()).vncEndpoint(id)
                .map(endpoint -> new InstanceScreen(endpoint.host(), endpoint.port(), endpoint.password()));
    }

    /** What was done to the instance, newest first, step by step. */
    public List<TaskView> history(Caller caller, UUID id) {
        return journal.history(owned(caller, id).id(), 50);
    }

    /** For a cloud admin's overview: the tasks that failed since {@code since}, newest first (at most 20). */
    public List<FailedTask> failedSince(Caller caller, java.time.Instant since) {
        caller.require(cloud.minicloud.core.identity.Role.CLOUD_ADMIN);
        List<cloud.minicloud.core.task.InstanceTask> failed = journal.failedSince(since, 20);
        java.util.Map<UUID, InstanceView> views = instances.views(failed.stream().map(f -> f.instance()).toList());
        return failed.stream().filter(f -> views.containsKey(f.instance())).map(f -> {
            InstanceView instance = views.get(f.instance());
            return new FailedTask(instance.tenant(), instance.id(), instance.name(), f.task());
        }).toList();
    }

    /** The instance moves to the action's working state and its task is queued, in this transaction. */
    void begin(Instance instance, InstanceAction action, TaskKind kind, Long target, String by) {
        metering.move(instance, () -> {
            instance.begin(action, by);
            return true;
        });
        changes.changed(instance.tenantId(), instance.id());
        // Its first step, done at once, says who asked: the owner, an administrator or the cloud itself.
        journal.enqueue(instance.id(), instance.nodeId(), kind, target, "REQUEST", "by " + by);
        wakeWorkersOnCommit();
    }

    /** Idle workers look for the new task once it is committed: woken before, they would find nothing and sleep on. */
    private void wakeWorkersOnCommit() {
        afterCommit.run(workers::wake);
    }

    private Instance owned(Caller caller, UUID id) {
        return instances.findForTenant(enrolment.tenantOf(caller).id(), id)
                .orElseThrow(() -> new NotFoundException("instance", id.toString()));
    }

    Instance lockOwned(Caller caller, UUID id) {
        owned(caller, id);
        return instances.lock(id).orElseThrow();
    }

    private static int systemDisk(Integer requested, Image image) {
        int disk = requested == null ? Math.max(image.minDiskGib(), DEFAULT_DISK_GIB) : requested;
        if (disk < image.minDiskGib() || disk > MAX_DISK_GIB) {
            throw new InvalidRequestException("the system disk of image %s is %d to %d GiB"
                    .formatted(image.name(), image.minDiskGib(), MAX_DISK_GIB));
        }
        return disk;
    }

    private static ResourceAmounts times(ResourceAmounts each, int count) {
        return new ResourceAmounts(each.instances() * count, each.vcpus() * count, each.memoryMib() * count,
                each.diskGib() * count, each.networks() * count, each.images() * count, each.imageGib() * count);
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException("say which " + what);
        }
        return value.strip();
    }

    private static UUID networkId(String id) {
        try {
            return UUID.fromString(required(id, "network"));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("no network '" + id + "' in your tenant; GET /api/v1/networks lists them");
        }
    }
}
