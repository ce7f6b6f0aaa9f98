package cloud.minicloud.web.ecs;

import cloud.minicloud.core.config.CloudSettings;
import cloud.minicloud.core.flavor.FlavorService;
import cloud.minicloud.core.flavor.FlavorView;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.image.ImageService;
import cloud.minicloud.core.image.ImageView;
import cloud.minicloud.core.instance.InstanceService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What there is to order, as ECS lists it: the cloud's one region, its zones (the nodes' zones,
 * named {@code <region>-<zone>}), its flavors as instance types and its images.
 */
@ApplicationScoped
public class EcsCatalog {

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    @Inject
    CloudSettings settings;

    @Inject
    FlavorService flavors;

    @Inject
    InstanceService instances;

    @Inject
    ImageService images;

    Map<String, Object> regions(String endpoint) {
        return Map.of("Regions", Map.of("Region", List.of(Map.of("RegionId", region(), "LocalName", "minicloud",
                "RegionEndpoint", endpoint, "Status", "available"))));
    }

    Map<String, Object> zones(AcsParameters parameters, Caller caller) {
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

    Map<String, Object> instanceTypes(AcsParameters parameters, Caller caller) {
        List<String> asked = parameters.repeated("InstanceTypes", 10, "");
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

    /**
     * The images the key's tenant may launch, as ECS's ImageOwnerAlias names them: public ones are
     * {@code system}, the tenant's own {@code self}, those shared with it {@code others}.
     */
    Map<String, Object> images(AcsParameters parameters, Caller caller) {
        requireRegion(parameters);
        int pageNumber = parameters.page("PageNumber", 1, AcsParameters.MAX_PAGE);
        int pageSize = parameters.page("PageSize", 10, 100);
        List<String> ids = parameters.get("ImageId") == null ? List.of() : java.util.Arrays.stream(parameters.get("ImageId").split(",")).map(String::strip).toList();
        String owner = parameters.get("ImageOwnerAlias");
        String name = parameters.get("ImageName");
        List<Map<String, Object>> all = images.available(caller).stream()
                .filter(image -> ids.isEmpty() || ids.contains(EcsIds.image(image.id())))
                .filter(image -> name == null || image.name().equals(name))
                .filter(image -> owner == null || owner.equals(ownerAlias(image)))
                .map(this::image).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("TotalCount", all.size());
        answer.put("PageNumber", pageNumber);
        answer.put("PageSize", pageSize);
        answer.put("RegionId", region());
        answer.put("Images", Map.of("Image", all.stream().skip((long) (pageNumber - 1) * pageSize).limit(pageSize).toList()));
        return answer;
    }

    private Map<String, Object> image(ImageView image) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("ImageId", EcsIds.image(image.id()));
        shape.put("ImageName", image.name());
        shape.put("Status", "Available");
        shape.put("OSType", "linux");
        shape.put("OSName", image.os() + (image.osVersion() == null ? "" : " " + image.osVersion()));
        shape.put("Architecture", image.architecture() == null ? "x86_64" : image.architecture());
        shape.put("Size", Math.max(image.minDiskGib(), (int) Math.ceil(image.virtualSizeBytes() / (double) (1L << 30))));
        shape.put("CreationTime", CREATED.format(image.createdAt()));
        shape.put("ImageOwnerAlias", ownerAlias(image));
        shape.put("Usage", "instance");
        return shape;
    }

    private static String ownerAlias(ImageView image) {
        return image.own() ? "self" : "public".equals(image.visibility()) ? "system" : "others";
    }

    String region() {
        return settings.ecs().regionId();
    }

    /** Our zone an ECS ZoneId names; an unknown one is InvalidZoneId.NotFound. */
    String zoneOf(String zoneId) {
        return instances.zones().stream().filter(zone -> zoneId(zone).equals(zoneId)).findFirst()
                .orElseThrow(() -> new EcsFault("InvalidZoneId.NotFound", 404, "The specified ZoneId does not exist."));
    }

    /** The ZoneId of the zone a node is in; empty before an instance has a node. */
    String zoneIdOfNode(String node) {
        String zone = node == null ? null : instances.zonesByNode().get(node);
        return zone == null ? "" : zoneId(zone);
    }

    /** The ZoneId of the first zone (a network reaches every zone's nodes). */
    String firstZoneId() {
        return instances.zones().stream().findFirst().map(this::zoneId).orElse("");
    }

    private String zoneId(String zone) {
        return region() + "-" + zone;
    }

    void requireRegion(AcsParameters parameters) {
        if (!parameters.required("RegionId").equals(region())) {
            throw new EcsFault("InvalidRegionId.NotFound", 404, "The specified RegionId does not exist: this cloud's region is " + region() + ".");
        }
    }
}
