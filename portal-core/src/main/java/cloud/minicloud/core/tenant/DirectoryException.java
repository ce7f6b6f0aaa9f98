package cloud.minicloud.core.tenant;

/** The identity provider (Keycloak) did not answer, or refused a change it should have taken. */
public class DirectoryException extends RuntimeException {
    public DirectoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
