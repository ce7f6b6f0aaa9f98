package cloud.minicloud.core.usage;

/** What a usage event meters: an instance's compute while it runs, a disk or a custom image while it exists. */
public enum UsageKind {
    /** An instance's vCPUs and memory, by flavor, while it runs. */
    COMPUTE,
    /** A system disk's GiB, while it exists (also while the instance is stopped). */
    DISK,
    /** A custom image's GiB, while it is kept. */
    IMAGE,
    /** A subscription bought or renewed: so many months of an instance (its flavor and disk), paid at once. */
    SUBSCRIPTION
}
