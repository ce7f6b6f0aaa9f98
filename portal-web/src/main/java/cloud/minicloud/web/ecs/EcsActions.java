package cloud.minicloud.web.ecs;

import cloud.minicloud.core.config.CloudSettings;
import cloud.minicloud.core.flavor.FlavorService;
import cloud.minicloud.core.flavor.FlavorView;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.instance.InstanceService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ECS actions this cloud answers, each mapped onto the same core services as the REST API and
 * the console, and answered in the shapes the SDKs deserialize (ECS-API.md §6–7): PascalCase names,
 * lists always as arrays. The answer's RequestId is the door's.
 */
@ApplicationScoped
public class EcsActions {

    static final String ECS = "2014-05-26";

    @Inject
    CloudSettings settings;

    @Inject
    FlavorService flavors;

    @Inject
    InstanceService instances;

    Map<String, Object> run(String version, String action, AcsParameters parameters, Caller caller, String endpoint) {
        if (ECS.equals(version)) {
            switch (action == null ? "" : action) {
                case "DescribeRegions":
                    return describeRegions(endpoint);
                case "DescribeZones":
                    return describeZones(parameters, caller);
                case "DescribeInstanceTypes":
                    return describeInstanceTypes(parameters, caller);
                default:
                    break;
            }
        }
        throw new EcsFault("InvalidParameter", 400, "The specified parameter Action or Version is not valid.");
    }

    private Map<String, Object> describeRegions(String endpoint) {
        return Map.of("Regions", Map.of("Region", List.of(Map.of("RegionId", region(), "LocalName", "minicloud",
                "RegionEndpoint", endpoint, "Status", "available"))));
    }

    private Map<String, Object> describeZones(AcsParameters parameters, Caller caller) {
        requireRegion(parameters);
        List<String> types = flavors.available(caller).stream().map(FlavorView::name).toList();
        List<Map<String, Object>> zones = instances.zones().stream().map(zone -> Map.<String, Object>of(
                "ZoneId", zoneId(zone),
                "LocalName", zone,
                "AvailableResourceCreation", Map.of("ResourceTypes", List.of("Instance", "VSwitch")),
                "AvailableInstanceTypes", Map.of("InstanceTypes", types),
                "AvailableDiskCategories", Map.of("DiskCategories", List.of("cloud_essd")))).toList();
        return Map.of("Zones", Map.of("Zone", zones));
    }

    private Map<String, Object> describeInstanceTypes(AcsParameters parameters, Caller caller) {
        List<String> asked = repeated(parameters, "InstanceTypes", 10);
        List<Map<String, Object>> types = flavors.available(caller).stream()
                .filter(flavor -> asked.isEmpty() || asked.contains(flavor.name()))
                .map(flavor -> {
                    Map<String, Object> type = new LinkedHashMap<>();
                    type.put("InstanceTypeId", flavor.name());
                    type.put("CpuCoreCount", flavor.vcpus());
                    type.put("MemorySize", flavor.memoryMib() / 1024.0);
                    type.put("InstanceTypeFamily", "minicloud");
                    return type;
                }).toList();
        return Map.of("InstanceTypes", Map.of("InstanceType", types));
    }

    /** A repeat list as the SDKs flatten it: Name.1, Name.2, … up to the most the action takes. */
    static List<String> repeated(AcsParameters parameters, String name, int most) {
        List<String> values = new java.util.ArrayList<>();
        for (int n = 1; parameters.get(name + "." + n) != null; n++) {
            if (n > most) {
                throw new EcsFault("InvalidParameter", 400, "The parameter " + name + " takes at most " + most + " values.");
            }
            values.add(parameters.get(name + "." + n));
        }
        return values;
    }

    private void requireRegion(AcsParameters parameters) {
        String asked = parameters.get("RegionId");
        if (asked == null || asked.isEmpty()) {
            throw new EcsFault("MissingParameter", 400, "The input parameter RegionId that is mandatory for processing this request is not supplied.");
        }
        if (!asked.equals(region())) {
            throw new EcsFault("InvalidRegionId.NotFound", 404, "The specified RegionId does not exist: this cloud's region is " + region() + ".");
        }
    }

    private String region() {
        return settings.ecs().regionId();
    }

    /** A zone as ECS names one: the region's id and the zone's name (cn-minicloud-default). */
    private String zoneId(String zone) {
        return region() + "-" + zone;
    }
}
