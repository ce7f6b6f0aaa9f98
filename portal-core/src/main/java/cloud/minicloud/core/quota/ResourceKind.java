package cloud.minicloud.core.quota;

/**
 * What a quota limits, with the unit a person reads it in and the largest limit that makes sense
 * for one tenant of a private cloud (a number past it is a typing mistake, not a plan).
 */
public enum ResourceKind {
    INSTANCES("instances", "", 10_000),
    VCPUS("vCPUs", "", 100_000),
    MEMORY("memory", "MiB", 100L * 1024 * 1024),
    DISK("disk", "GiB", 1_000_000),
    NETWORKS("networks", "", 1_000),
    IMAGES("custom images", "", 10_000),
    IMAGE_STORAGE("image storage", "GiB", 1_000_000);

    private final String label;
    private final String unit;
    private final long maxLimit;

    ResourceKind(String label, String unit, long maxLimit) {
        this.label = label;
        this.unit = unit;
        this.maxLimit = maxLimit;
    }

    public long maxLimit() {
        return maxLimit;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }
}
