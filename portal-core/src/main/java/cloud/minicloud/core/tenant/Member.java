package cloud.minicloud.core.tenant;

import cloud.minicloud.core.identity.Role;

/**
 * A member of a tenant as its admins see them.
 *
 * @param role {@link Role#TENANT_ADMIN}, {@link Role#TENANT_USER}, or null for a member who holds no role
 */
public record Member(String username, String email, Role role) {
}
