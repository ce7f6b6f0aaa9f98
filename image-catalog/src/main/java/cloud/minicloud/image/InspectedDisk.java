package cloud.minicloud.image;

/** What reading an image's own headers found: safe to hand to qemu-img as {@code format}. */
public record InspectedDisk(DiskFormat format, long virtualSizeBytes, long fileSizeBytes) {

    /** The smallest system disk, in whole GiB, that holds the image. */
    public long minDiskGib() {
        return Math.max(1, (virtualSizeBytes + (1L << 30) - 1) >> 30);
    }
}
