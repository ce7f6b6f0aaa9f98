package cloud.minicloud.core.identity;

/** The caller is known but lacks the role the use case needs. */
public class AccessDeniedException extends AuthorizationFailure {
    public AccessDeniedException(String message) {
        super(message);
    }
}
