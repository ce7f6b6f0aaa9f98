package cloud.minicloud.web.ecs;

import cloud.minicloud.core.NotFoundException;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.image.ImageService;
import cloud.minicloud.core.image.ImageView;
import cloud.minicloud.core.instance.BillingMethod;
import cloud.minicloud.core.instance.InstanceAction;
import cloud.minicloud.core.instance.InstanceFilter;
import cloud.minicloud.core.instance.InstanceService;
import cloud.minicloud.core.instance.InstanceState;
import cloud.minicloud.core.instance.InstanceView;
import cloud.minicloud.core.instance.LaunchOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * ECS's instance actions on the instances of the key's tenant, through {@link InstanceService} as
 * the console and the REST API act: RunInstances, DescribeInstances, DescribeInstanceStatus,
 * StartInstance, StopInstance, RebootInstance, DeleteInstance. Another tenant's instance, or an id
 * that is not ours, is {@code InvalidInstanceId.NotFound}.
 */
@ApplicationScoped
public class EcsInstances {

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'").withZone(ZoneOffset.UTC);
    /** ECS's five states, and ours each stands for (the first is the one a filter asks for). */
    private static final Map<String, List<InstanceState>> STATES = Map.of(
            "Pending", List.of(InstanceState.PENDING),
            "Starting", List.of(InstanceState.STARTING, InstanceState.REBOOTING),
            "Running", List.of(InstanceState.RUNNING, InstanceState.MIGRATING),
            "Stopping", List.of(InstanceState.STOPPING, InstanceState.DELETING),
            // ECS has no word for a state the control plane does not know: UNKNOWN, like ERROR, cannot be started.
            "Stopped", List.of(InstanceState.STOPPED, InstanceState.RESIZING, InstanceState.IMAGING, InstanceState.ERROR,
                    InstanceState.UNKNOWN));

    @Inject
    InstanceService instances;

    @Inject
    ImageService images;

    @Inject
    EcsCatalog catalog;

    @Inject
    EcsVpcs vpcs;

    @Inject
    EcsClientTokens tokens;

    @Inject
    EcsKeyPairs keyPairs;

    /**
     * Orders Amount instances (ECS-API.md §7) as one order of the REST API would; they start by
     * themselves. DryRun checks the order and orders nothing; a ClientToken makes a retry answer
     * the first request's instances.
     */
    Map<String, Object> run(AcsParameters parameters, Caller caller) {
        catalog.requireRegion(parameters);
        if (!"PostPaid".equals(Objects.requireNonNullElse(parameters.get("InstanceChargeType"), "PostPaid"))) {
            throw new EcsFault("InvalidParameter", 400, "The specified parameter InstanceChargeType is not valid: "
                    + "subscriptions are ordered in the console or the REST API.");
        }
        if (!parameters.repeated("DataDisk", 16, ".Size").isEmpty()) {
            throw new EcsFault("InvalidDataDiskSize.ValueNotSupported", 400, "Data disks are not built yet: order the instance without DataDisk.N.");
        }
        String zone = parameters.get("ZoneId") == null ? null : catalog.zoneOf(parameters.get("ZoneId"));
        long image = EcsIds.image(parameters.required("ImageId"));
        if (image < 0 || images.available(caller).stream().noneMatch(i -> i.id() == image)) {
            throw new EcsFault("InvalidImageId.NotFound", 404, "The specified ImageId does not exist.");
        }
        UUID network = vpcs.network(caller, parameters.required("VSwitchId"));
        if (network == null) {
            throw new EcsFault("InvalidVSwitchId.NotFound", 404, "The specified VSwitchId does not exist.");
        }
        String name = parameters.get("InstanceName") == null ? "instance" : parameters.get("InstanceName");
        Integer disk = parameters.get("SystemDisk.Size") == null ? null : parameters.number("SystemDisk.Size");
        Integer amount = parameters.get("Amount") == null ? null : parameters.number("Amount");
        // With a key pair the guest takes its public key, and the Password is not used (as ECS does for Linux).
        String sshKey = parameters.get("KeyPairName") == null ? null : keyPairs.publicKey(caller, parameters.get("KeyPairName"));
        LaunchOrder order = new LaunchOrder(name, parameters.required("InstanceType"), null, network.toString(), disk,
                sshKey == null ? parameters.get("Password") : null, sshKey, amount, zone, null, null, null, image);
        if (EcsDryRun.asked(parameters)) {
            instances.checkLaunch(caller, order);
            throw EcsDryRun.passed();
        }
        String made = tokens.once(caller, "RunInstances", parameters, () -> instances.launch(caller, order).stream()
                .map(i -> i.id().toString()).collect(java.util.stream.Collectors.joining(",")));
        return Map.of("InstanceIdSets", Map.of("InstanceIdSet",
                java.util.Arrays.stream(made.split(",")).map(id -> EcsIds.instance(UUID.fromString(id))).toList()));
    }

    /**
     * The tenant's instances, paged, narrowed by InstanceIds, Status, InstanceName, InstanceType,
     * ZoneId, VpcId and VSwitchId; ids or a vSwitch that are not the tenant's match nothing.
     */
    Map<String, Object> describe(AcsParameters parameters, Caller caller) {
        catalog.requireRegion(parameters);
        int pageNumber = parameters.page("PageNumber", 1, AcsParameters.MAX_PAGE);
        int pageSize = parameters.page("PageSize", 10, 100);
        String status = parameters.get("Status");
        if (status != null && !STATES.containsKey(status)) {
            throw new EcsFault("InvalidStatus.NotFound", 404, "The specified Status is not Pending, Starting, Running, Stopping or Stopped.");
        }
        String name = parameters.get("InstanceName") == null ? null : parameters.get("InstanceName").replace("*", "");
        String vSwitch = parameters.get("VSwitchId");
        UUID network = vSwitch == null ? null : vpcs.network(caller, vSwitch);
        String zoneId = parameters.get("ZoneId");
        InstanceFilter filter = InstanceFilter.of(status == null ? Set.of() : Set.copyOf(STATES.get(status)), name,
                parameters.get("InstanceType"), zoneId == null ? null : catalog.zoneOf(zoneId), network);
        boolean none = vSwitch != null && network == null
                || parameters.get("VpcId") != null && !parameters.get("VpcId").equals(EcsIds.vpc(caller.requireTenant()));
        if (EcsDryRun.asked(parameters)) {
            throw EcsDryRun.passed();
        }
        List<InstanceView> page;
        long total;
        if (none) {
            total = 0;
            page = List.of();
        } else if (parameters.get("InstanceIds") != null) {
            List<InstanceView> named = AcsParameters.jsonList(parameters.get("InstanceIds"), "InstanceIds", 100).stream().map(id -> find(caller, id))
                    .filter(Objects::nonNull)
                    .filter(i -> filter.matches(i.state()) && (filter.name() == null || i.name().contains(filter.name()))
                            && (filter.flavor() == null || filter.flavor().equals(i.flavor()))
                            && (network == null || network.equals(i.network()))
                            && (zoneId == null || zoneId.equals(catalog.zoneIdOfNode(i.node()))))
                    .toList();
            total = named.size();
            page = named.stream().skip((long) (pageNumber - 1) * pageSize).limit(pageSize).toList();
        } else {
            total = instances.count(caller, filter);
            page = instances.list(caller, filter, (pageNumber - 1) * pageSize, pageSize);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("TotalCount", total);
        answer.put("PageNumber", pageNumber);
        answer.put("PageSize", pageSize);
        answer.put("Instances", Map.of("Instance", page.stream().map(this::shape).toList()));
        return answer;
    }

    Map<String, Object> statuses(AcsParameters parameters, Caller caller) {
        catalog.requireRegion(parameters);
        int pageNumber = parameters.page("PageNumber", 1, AcsParameters.MAX_PAGE);
        int pageSize = parameters.page("PageSize", 10, 50);
        List<String> ids = parameters.repeated("InstanceId", 100, "");
        List<InstanceView> seen = ids.isEmpty()
                ? instances.list(caller, null, null, (pageNumber - 1) * pageSize, pageSize)
                : ids.stream().map(id -> find(caller, id)).filter(Objects::nonNull).skip((long) (pageNumber - 1) * pageSize)
                        .limit(pageSize).toList();
        long total = ids.isEmpty() ? instances.count(caller, null, null) : ids.stream().map(id -> find(caller, id)).filter(Objects::nonNull).count();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("TotalCount", total);
        answer.put("PageNumber", pageNumber);
        answer.put("PageSize", pageSize);
        answer.put("InstanceStatuses", Map.of("InstanceStatus", seen.stream()
                .map(i -> Map.of("InstanceId", EcsIds.instance(i.id()), "Status", status(i.state()))).toList()));
        return answer;
    }

    /** StartInstance, StopInstance, RebootInstance: the state must allow it now (IncorrectInstanceStatus). */
    Map<String, Object> power(AcsParameters parameters, Caller caller, InstanceAction action) {
        UUID id = owned(parameters, caller);
        if (EcsDryRun.asked(parameters)) {
            instances.checkAction(caller, id, action, false);
            throw EcsDryRun.passed();
        }
        instances.act(caller, id, action);
        return Map.of();
    }

    /** DeleteInstance releases a Stopped instance (or a failed one), or with Force=true one in any state. */
    Map<String, Object> delete(AcsParameters parameters, Caller caller) {
        UUID id = owned(parameters, caller);
        boolean force = "true".equalsIgnoreCase(parameters.get("Force"));
        if (EcsDryRun.asked(parameters)) {
            instances.checkAction(caller, id, InstanceAction.DELETE, !force);
            throw EcsDryRun.passed();
        }
        if (force) {
            instances.delete(caller, id);
        } else {
            instances.deleteStopped(caller, id);
        }
        return Map.of();
    }

    private UUID owned(AcsParameters parameters, Caller caller) {
        InstanceView instance = find(caller, parameters.required("InstanceId"));
        if (instance == null) {
            throw new EcsFault("InvalidInstanceId.NotFound", 404, "The specified InstanceId does not exist.");
        }
        return instance.id();
    }

    /** The caller's instance an id names, or null: unknown, not ours, or another tenant's. */
    private InstanceView find(Caller caller, String ecsId) {
        UUID id = EcsIds.instance(ecsId);
        if (id == null) {
            return null;
        }
        try {
            InstanceView instance = instances.get(caller, id);
            return instance.state() == InstanceState.DELETED ? null : instance;
        } catch (NotFoundException notFound) {
            return null;
        }
    }

    private Map<String, Object> shape(InstanceView i) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("InstanceId", EcsIds.instance(i.id()));
        shape.put("InstanceName", i.name());
        shape.put("HostName", i.hostname());
        shape.put("Status", status(i.state()));
        shape.put("InstanceType", i.flavor());
        shape.put("Cpu", i.vcpus());
        shape.put("Memory", i.memoryMib());
        shape.put("ImageId", EcsIds.image(i.imageId()));
        shape.put("RegionId", catalog.region());
        shape.put("ZoneId", catalog.zoneIdOfNode(i.node()));
        shape.put("CreationTime", CREATED.format(i.createdAt()));
        shape.put("InstanceChargeType", i.billing() == BillingMethod.PAY_AS_YOU_GO ? "PostPaid" : "PrePaid");
        shape.put("InstanceNetworkType", "vpc");
        shape.put("OSType", "linux");
        shape.put("VpcAttributes", Map.of("VpcId", EcsIds.vpc(i.tenant()), "VSwitchId", EcsIds.vSwitch(i.network()),
                "PrivateIpAddress", Map.of("IpAddress", i.privateIp() == null ? List.of() : List.of(i.privateIp())), "NatIpAddress", ""));
        shape.put("PublicIpAddress", Map.of("IpAddress", List.of()));
        shape.put("InnerIpAddress", Map.of("IpAddress", List.of()));
        shape.put("SecurityGroupIds", Map.of("SecurityGroupId", List.of()));
        shape.put("OperationLocks", Map.of("LockReason", List.of()));
        shape.put("Tags", Map.of("Tag", List.of()));
        return shape;
    }

    static String status(InstanceState state) {
        return STATES.entrySet().stream().filter(e -> e.getValue().contains(state)).map(Map.Entry::getKey).findFirst()
                .orElse("Stopped");
    }
}
