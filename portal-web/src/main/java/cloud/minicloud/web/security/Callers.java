package cloud.minicloud.web.security;

import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.identity.Role;
import java.security.Principal;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wildfly.security.http.oidc.AccessToken;
import org.wildfly.security.http.oidc.OidcPrincipal;
import org.wildfly.security.http.oidc.RealmAccessClaim;

/**
 * The one place a Caller is made: from the principal WildFly's OIDC client has verified. The
 * tenants are the organizations in the token's {@code organization} claim; the role in each is the
 * group {@code /tenants/<alias>/<role>} in its {@code groups} claim; {@code cloud-admin} is a realm role.
 */
public final class Callers {

    static final String ORGANIZATION_CLAIM = "organization";
    static final String GROUPS_CLAIM = "groups";
    private static final Logger LOG = Logger.getLogger(Callers.class.getName());
    private static final Pattern TENANT_ROLE_GROUP = Pattern.compile("/tenants/([^/]+)/([^/]+)");

    private Callers() {
    }

    /** The caller behind a principal, or empty when nobody signed in (or not through Keycloak). */
    public static Optional<Caller> of(Principal principal) {
        if (!(principal instanceof OidcPrincipal<?> oidc) || oidc.getOidcSecurityContext() == null) {
            return Optional.empty();
        }
        AccessToken token = oidc.getOidcSecurityContext().getToken();
        if (token == null) {
            return Optional.empty();
        }
        return Optional.of(Caller.signedIn(principal.getName(), cloudRolesOf(token.getRealmAccessClaim()),
                membershipsOf(token.getClaimValue(ORGANIZATION_CLAIM), token.getClaimValue(GROUPS_CLAIM))));
    }

    /**
     * Each organization with the tenant roles its groups grant. Keycloak writes the organization claim
     * as a list of aliases, or as an object keyed by alias when ids are added. A role group of an
     * organization the caller is not a member of grants nothing.
     */
    static Map<String, Set<Role>> membershipsOf(Object organizations, Object groups) {
        Map<String, Set<Role>> memberships = new HashMap<>();
        for (String alias : asList(organizations instanceof Map<?, ?> map ? map.keySet() : organizations)) {
            if (Caller.isTenantAlias(alias)) {
                memberships.put(alias, EnumSet.noneOf(Role.class));
            } else {
                // One odd organization must not lock its member out of the others.
                LOG.warning("ignoring the organization alias '" + alias + "': a tenant's alias is lower-case letters, digits and '-'");
            }
        }
        for (String group : asList(groups)) {
            Matcher path = TENANT_ROLE_GROUP.matcher(group);
            if (path.matches() && memberships.containsKey(path.group(1))) {
                Role.fromRealmName(path.group(2)).filter(Role::isTenantRole)
                        .ifPresent(memberships.get(path.group(1))::add);
            }
        }
        return memberships;
    }

    private static List<String> asList(Object claim) {
        return switch (claim) {
            case null -> List.of();
            case Collection<?> list -> list.stream().map(String::valueOf).toList();
            default -> List.of(String.valueOf(claim));
        };
    }

    private static Set<Role> cloudRolesOf(RealmAccessClaim realmAccess) {
        boolean cloudAdmin = realmAccess != null && realmAccess.getRoles() != null
                && realmAccess.getRoles().contains(Role.CLOUD_ADMIN.realmName());
        return cloudAdmin ? Set.of(Role.CLOUD_ADMIN) : Set.of();
    }
}
