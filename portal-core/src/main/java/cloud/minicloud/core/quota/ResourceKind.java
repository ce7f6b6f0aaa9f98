package cloud.minicloud.core.quota;

/** What a quota limits, with the unit a person reads it in. */
public enum ResourceKind {
    INSTANCES("instances", ""),
    VCPUS("vCPUs", ""),
    MEMORY("memory", "MiB"),
    DISK("disk", "GiB"),
    NETWORKS("networks", ""),
    IMAGES("custom images", ""),
    IMAGE_STORAGE("image storage", "GiB");

    private final String label;
    private final String unit;

    ResourceKind(String label, String unit) {
        this.label = label;
        this.unit = unit;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }
}
