package cloud.minicloud.core.identity;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The authenticated person behind a request. Only the web layer builds one, from a token it has
 * verified; services take the tenant from here and never from a request parameter.
 *
 * @param username    the Keycloak user name
 * @param tenantAlias the alias of the caller's organization, or null for someone in none (a cloud admin)
 * @param roles       the minicloud roles the token grants
 */
public record Caller(String username, String tenantAlias, Set<Role> roles) {

    private static final Pattern ALIAS = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public Caller {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("a caller needs a user name");
        }
        if (tenantAlias != null && !ALIAS.matcher(tenantAlias).matches()) {
            throw new IllegalArgumentException("not a tenant alias: " + tenantAlias);
        }
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public Optional<String> tenant() {
        return Optional.ofNullable(tenantAlias);
    }

    /** Refuses the call unless the caller holds the role. */
    public void require(Role role) {
        if (!has(role)) {
            throw new AccessDeniedException(username + " lacks the role " + role.realmName());
        }
    }

    /** The caller's tenant, or a refusal for someone who belongs to none. */
    public String requireTenant() {
        return tenant().orElseThrow(() -> new NoTenantException(username));
    }
}
