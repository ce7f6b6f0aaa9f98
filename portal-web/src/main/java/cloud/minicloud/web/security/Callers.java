package cloud.minicloud.web.security;

import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.identity.Role;
import java.security.Principal;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.wildfly.security.http.oidc.AccessToken;
import org.wildfly.security.http.oidc.OidcPrincipal;
import org.wildfly.security.http.oidc.RealmAccessClaim;

/**
 * The one place a Caller is made: from the principal WildFly's OIDC client has verified. The tenant
 * is the organization named in the token's {@code organization} claim.
 */
public final class Callers {

    static final String ORGANIZATION_CLAIM = "organization";

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
        return Optional.of(new Caller(principal.getName(), tenantOf(token.getClaimValue(ORGANIZATION_CLAIM)),
                rolesOf(token.getRealmAccessClaim())));
    }

    /**
     * Keycloak writes the claim as a list of aliases, or as an object keyed by alias when ids are
     * added. A member of several organizations acts for the first alias in alphabetical order.
     */
    static String tenantOf(Object claim) {
        Collection<?> aliases = switch (claim) {
            case null -> List.of();
            case Collection<?> list -> list;
            case Map<?, ?> map -> map.keySet();
            default -> List.of(claim);
        };
        TreeSet<String> sorted = new TreeSet<>();
        aliases.forEach(alias -> sorted.add(String.valueOf(alias)));
        return sorted.isEmpty() ? null : sorted.first();
    }

    private static Set<Role> rolesOf(RealmAccessClaim realmAccess) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (realmAccess != null && realmAccess.getRoles() != null) {
            realmAccess.getRoles().forEach(name -> Role.fromRealmName(name).ifPresent(roles::add));
        }
        return roles;
    }
}
