package cloud.minicloud.image;

/** An image that must not be booted: not qcow2, pointing at other files, or of an absurd size. */
public class InvalidImageException extends RuntimeException {
    public InvalidImageException(String message) {
        super(message);
    }
}
