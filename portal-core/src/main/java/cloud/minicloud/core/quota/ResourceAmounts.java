package cloud.minicloud.core.quota;

import cloud.minicloud.core.InvalidRequestException;
import jakarta.persistence.Embeddable;
import java.util.EnumMap;
import java.util.Map;

/** An amount of each quota-limited resource: a limit, a use or a request. */
@Embeddable
public record ResourceAmounts(long instances, long vcpus, long memoryMib, long diskGib, long networks, long images,
                              long imageGib) {

    public static final ResourceAmounts NONE = new ResourceAmounts(0, 0, 0, 0, 0, 0, 0);

    public ResourceAmounts {
        if (instances < 0 || vcpus < 0 || memoryMib < 0 || diskGib < 0 || networks < 0 || images < 0 || imageGib < 0) {
            throw new InvalidRequestException("resource amounts cannot be negative");
        }
    }

    /** A tenant's custom image, and the storage its file takes. */
    public static ResourceAmounts image(long gib) {
        return new ResourceAmounts(0, 0, 0, 0, 0, 1, gib);
    }

    public static ResourceAmounts imageStorage(long gib) {
        return new ResourceAmounts(0, 0, 0, 0, 0, 0, gib);
    }

    public long of(ResourceKind kind) {
        return switch (kind) {
            case INSTANCES -> instances;
            case VCPUS -> vcpus;
            case MEMORY -> memoryMib;
            case DISK -> diskGib;
            case NETWORKS -> networks;
            case IMAGES -> images;
            case IMAGE_STORAGE -> imageGib;
        };
    }

    public Map<ResourceKind, Long> asMap() {
        Map<ResourceKind, Long> map = new EnumMap<>(ResourceKind.class);
        for (ResourceKind kind : ResourceKind.values()) {
            map.put(kind, of(kind));
        }
        return map;
    }

    public ResourceAmounts plus(ResourceAmounts other) {
        return new ResourceAmounts(instances + other.instances, vcpus + other.vcpus,
                memoryMib + other.memoryMib, diskGib + other.diskGib, networks + other.networks,
                images + other.images, imageGib + other.imageGib);
    }

    /** What this has beyond the other, per resource, never below zero: the growth from other to this. */
    public ResourceAmounts excessOver(ResourceAmounts other) {
        return new ResourceAmounts(Math.max(0, instances - other.instances), Math.max(0, vcpus - other.vcpus),
                Math.max(0, memoryMib - other.memoryMib), Math.max(0, diskGib - other.diskGib),
                Math.max(0, networks - other.networks), Math.max(0, images - other.images),
                Math.max(0, imageGib - other.imageGib));
    }

    public ResourceAmounts minus(ResourceAmounts other) {
        return new ResourceAmounts(instances - other.instances, vcpus - other.vcpus,
                memoryMib - other.memoryMib, diskGib - other.diskGib, networks - other.networks,
                images - other.images, imageGib - other.imageGib);
    }
}
