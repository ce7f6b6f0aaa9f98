package cloud.minicloud.core.identity;

/** The caller is known but lacks the role the use case needs. */
public class AccessDeniedException extends RuntimeException {
    public AccessDeniedException(String message) {
        super(message);
    }
}
