package cloud.minicloud.image;

/**
 * An image that must not be booted: another format than declared, pointing at other files,
 * truncated, or of an absurd size. The message says what is wrong and, where there is one, the fix.
 */
public class InvalidImageException extends RuntimeException {
    public InvalidImageException(String message) {
        super(message);
    }
}
