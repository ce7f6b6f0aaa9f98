package cloud.minicloud.core.quota;

import cloud.minicloud.core.InvalidRequestException;
import jakarta.persistence.Embeddable;
import java.util.EnumMap;
import java.util.Map;

/** An amount of each quota-limited resource: a limit, a use or a request. */
@Embeddable
public record ResourceAmounts(long instances, long vcpus, long memoryMib, long diskGib, long networks) {

    public static final ResourceAmounts NONE = new ResourceAmounts(0, 0, 0, 0, 0);

    public ResourceAmounts {
        if (instances < 0 || vcpus < 0 || memoryMib < 0 || diskGib < 0 || networks < 0) {
            throw new InvalidRequestException("resource amounts cannot be negative");
        }
    }

    public long of(ResourceKind kind) {
        return switch (kind) {
            case INSTANCES -> instances;
            case VCPUS -> vcpus;
            case MEMORY -> memoryMib;
            case DISK -> diskGib;
            case NETWORKS -> networks;
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
                memoryMib + other.memoryMib, diskGib + other.diskGib, networks + other.networks);
    }

    /** What this has beyond the other, per resource, never below zero: the growth from other to this. */
    public ResourceAmounts excessOver(ResourceAmounts other) {
        return new ResourceAmounts(Math.max(0, instances - other.instances), Math.max(0, vcpus - other.vcpus),
                Math.max(0, memoryMib - other.memoryMib), Math.max(0, diskGib - other.diskGib),
                Math.max(0, networks - other.networks));
    }

    public ResourceAmounts minus(ResourceAmounts other) {
        return new ResourceAmounts(instances - other.instances, vcpus - other.vcpus,
                memoryMib - other.memoryMib, diskGib - other.diskGib, networks - other.networks);
    }
}
