package cloud.minicloud.image.inspection;

import cloud.minicloud.image.ImageLimits;
import cloud.minicloud.image.InvalidImageException;

final class Sizes {

    private Sizes() {
    }

    static void checkVirtualSize(long virtualSize, ImageLimits limits) {
        if (virtualSize <= 0) {
            throw new InvalidImageException("the image describes a disk of " + virtualSize + " bytes");
        }
        if (virtualSize > limits.maxVirtualSizeBytes()) {
            throw new InvalidImageException("the image describes a disk of " + gib(virtualSize) + " GiB; this cloud "
                    + "takes images up to " + gib(limits.maxVirtualSizeBytes()) + " GiB (a cloud admin sets the limit)");
        }
    }

    static String gib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / (double) (1L << 30));
    }
}
