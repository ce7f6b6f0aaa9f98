package cloud.minicloud.image;

/** What inspecting an image file found: its format facts and checksum. */
public record ImageFacts(String format, long virtualSizeBytes, long fileSizeBytes, String sha256) {

    public long minDiskGib() {
        return Math.max(1, (virtualSizeBytes + (1L << 30) - 1) >> 30);
    }
}
