package cloud.minicloud.core;

/**
 * A resource that does not exist for the caller. Another tenant's resource is reported the same
 * way, so its existence never leaks.
 */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String kind, String id) {
        super(kind + " " + id + " was not found");
    }
}
