package cloud.minicloud.web.ecs;

import cloud.minicloud.core.NotFoundException;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.network.NetworkService;
import cloud.minicloud.core.network.NetworkView;
import cloud.minicloud.core.network.TenantNetwork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The VPC API's subset (2016-04-28) that finds and makes a vSwitch to launch into: each tenant is
 * one VPC ({@code vpc-<tenant>}, 10.128.0.0/9, where every network's /24 comes from), and each of
 * its networks a vSwitch in it. A vSwitch's block is chosen by minicloud, as the REST API does.
 */
@ApplicationScoped
public class EcsVpcs {

    static final String VPC = "2016-04-28";
    private static final String BLOCK = "10.128.0.0/9";
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    @Inject
    NetworkService networks;

    @Inject
    EcsCatalog catalog;

    @Inject
    EcsClientTokens tokens;

    Map<String, Object> vpcs(AcsParameters parameters, Caller caller) {
        catalog.requireRegion(parameters);
        String tenant = caller.requireTenant();
        String asked = parameters.get("VpcId");
        List<Map<String, Object>> vpcs = asked != null && !asked.equals(EcsIds.vpc(tenant)) ? List.of() : List.of(vpc(caller, tenant));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("TotalCount", vpcs.size());
        answer.put("PageNumber", 1);
        answer.put("PageSize", parameters.page("PageSize", 10, 50));
        answer.put("Vpcs", Map.of("Vpc", vpcs));
        return answer;
    }

    private Map<String, Object> vpc(Caller caller, String tenant) {
        Map<String, Object> vpc = new LinkedHashMap<>();
        vpc.put("VpcId", EcsIds.vpc(tenant));
        vpc.put("VpcName", tenant);
        vpc.put("CidrBlock", BLOCK);
        vpc.put("Status", "Available");
        vpc.put("IsDefault", true);
        vpc.put("RegionId", catalog.region());
        vpc.put("VSwitchIds", Map.of("VSwitchId", all(caller).stream().map(n -> EcsIds.vSwitch(n.id())).toList()));
        return vpc;
    }

    Map<String, Object> vSwitches(AcsParameters parameters, Caller caller) {
        catalog.requireRegion(parameters);
        String tenant = caller.requireTenant();
        int pageNumber = parameters.page("PageNumber", 1, AcsParameters.MAX_PAGE);
        int pageSize = parameters.page("PageSize", 10, 50);
        String vpc = parameters.get("VpcId");
        String only = parameters.get("VSwitchId");
        if (parameters.get("ZoneId") != null) {
            catalog.zoneOf(parameters.get("ZoneId"));
        }
        List<NetworkView> seen = vpc != null && !vpc.equals(EcsIds.vpc(tenant)) ? List.of()
                : all(caller).stream().filter(n -> only == null || only.equals(EcsIds.vSwitch(n.id()))).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("TotalCount", seen.size());
        answer.put("PageNumber", pageNumber);
        answer.put("PageSize", pageSize);
        answer.put("VSwitches", Map.of("VSwitch", seen.stream().skip((long) (pageNumber - 1) * pageSize).limit(pageSize)
                .map(n -> vSwitch(n, tenant, parameters.get("ZoneId"))).toList()));
        return answer;
    }

    /** A new network of the tenant; its /24 is minicloud's choice, whatever CidrBlock asked for. */
    Map<String, Object> createVSwitch(AcsParameters parameters, Caller caller) {
        catalog.requireRegion(parameters);
        String tenant = caller.requireTenant();
        if (!EcsIds.vpc(tenant).equals(parameters.required("VpcId"))) {
            throw new EcsFault("InvalidVpcId.NotFound", 404, "The specified VpcId does not exist.");
        }
        catalog.zoneOf(parameters.required("ZoneId"));
        String name = parameters.get("VSwitchName") == null ? "vswitch" : parameters.get("VSwitchName");
        if (EcsDryRun.asked(parameters)) {
            throw new EcsFault("InvalidParameter", 400, "CreateVSwitch does not take DryRun here: send the request without it.");
        }
        try {
            String made = tokens.once(caller, "CreateVSwitch", parameters, () -> networks.create(caller, name).id().toString());
            return Map.of("VSwitchId", EcsIds.vSwitch(UUID.fromString(made)));
        } catch (cloud.minicloud.core.quota.QuotaExceededException over) {
            throw new EcsFault("QuotaExceeded", 400, over.getMessage());
        }
    }

    private Map<String, Object> vSwitch(NetworkView network, String tenant, String zoneId) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("VSwitchId", EcsIds.vSwitch(network.id()));
        shape.put("VSwitchName", network.name());
        shape.put("VpcId", EcsIds.vpc(tenant));
        // A network reaches every zone's nodes: it is in the zone asked for, or the first.
        shape.put("ZoneId", zoneId != null ? zoneId : catalog.firstZoneId());
        shape.put("CidrBlock", network.cidr());
        shape.put("Status", "Available");
        shape.put("IsDefault", false);
        shape.put("AvailableIpAddressCount", Math.max(0, TenantNetwork.HOST_ADDRESSES - network.instances()));
        shape.put("CreationTime", CREATED.format(network.createdAt()));
        return shape;
    }

    /** The tenant's networks; a tenant has a handful (its quota says how many). */
    private List<NetworkView> all(Caller caller) {
        return networks.list(caller, 0, 500);
    }

    /** The network a vSwitch id names, if it is the caller's tenant's. */
    UUID network(Caller caller, String vSwitchId) {
        UUID id = EcsIds.vSwitch(vSwitchId);
        try {
            return id == null ? null : networks.get(caller, id).id();
        } catch (NotFoundException notFound) {
            return null;
        }
    }
}
