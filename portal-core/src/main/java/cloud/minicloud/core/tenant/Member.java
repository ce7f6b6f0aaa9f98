package cloud.minicloud.core.tenant;

import cloud.minicloud.core.identity.Role;

/**
 * A member of a tenant as its admins see them.
 *
 * @param role          {@link Role#TENANT_ADMIN}, {@link Role#TENANT_USER}, or null for a member who holds no role
 * @param emailVerified whether Keycloak has proved the address theirs (an invitation's role goes only to such)
 */
public record Member(String username, String email, Role role, boolean emailVerified) {

    /** A member whose address, if any, is proved. */
    public Member(String username, String email, Role role) {
        this(username, email, role, true);
    }
}
