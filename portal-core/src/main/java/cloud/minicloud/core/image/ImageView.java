package cloud.minicloud.core.image;

/** An image as the console and the API show it. */
public record ImageView(String name, String visibility, String os, String osVersion, int minDiskGib, int minMemoryMib,
                        long sizeBytes, String sha256) {
}
