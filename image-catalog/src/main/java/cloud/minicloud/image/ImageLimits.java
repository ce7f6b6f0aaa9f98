package cloud.minicloud.image;

/**
 * What a cloud admin allows an image to be.
 *
 * @param maxVirtualSizeBytes the largest disk an image may describe; a header claiming more is refused
 */
public record ImageLimits(long maxVirtualSizeBytes) {

    /** No flavor needs a system disk larger than 2 TiB. */
    public static final ImageLimits DEFAULT = new ImageLimits(2L << 40);

    public ImageLimits {
        if (maxVirtualSizeBytes <= 0) {
            throw new IllegalArgumentException("the largest virtual size must be positive");
        }
    }
}
