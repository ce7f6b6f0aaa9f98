package cloud.minicloud.core.identity;

/** A tenant use case was called by someone who is a member of no organization. */
public class NoTenantException extends AuthorizationFailure {
    public NoTenantException(String username) {
        super(username + " is not a member of any tenant; ask a cloud admin to add you to an organization"
                + " (a member of several gets them all by asking Keycloak for the scope organization:*)");
    }
}
