package cloud.minicloud.core.identity;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The authenticated person behind a request. Only the web layer builds one, from a token it has
 * verified; services take the tenant from here and never from a request parameter.
 *
 * <p>Roles come in two kinds: cloud roles hold everywhere, tenant roles only in the tenant that
 * granted them. A member of several tenants acts for one at a time, named by the caller.
 *
 * @param username    the Keycloak user name
 * @param cloudRoles  the roles that hold whatever the tenant ({@link Role#CLOUD_ADMIN})
 * @param memberships each tenant (organization alias) the caller belongs to, with the roles held in it
 * @param tenantAlias the tenant the caller acts for, or null when none was chosen or there is none
 * @param origin      the request the call came with
 */
public record Caller(String username, Set<Role> cloudRoles, Map<String, Set<Role>> memberships, String tenantAlias,
                     Origin origin) {

    private static final Pattern ALIAS = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public Caller {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("a caller needs a user name");
        }
        memberships.keySet().forEach(Caller::checkAlias);
        if (tenantAlias != null) {
            checkAlias(tenantAlias);
            if (!memberships.containsKey(tenantAlias)) {
                throw new IllegalArgumentException(username + " is not a member of " + tenantAlias);
            }
        }
        cloudRoles = Set.copyOf(cloudRoles);
        origin = origin == null ? Origin.NONE : origin;
        TreeMap<String, Set<Role>> sorted = new TreeMap<>();
        memberships.forEach((alias, roles) -> sorted.put(alias, tenantRoles(roles)));
        memberships = Collections.unmodifiableSortedMap(sorted);
    }

    /** A caller acting for one tenant (or none) with these roles in it: how tests and tools name one. */
    public Caller(String username, String tenantAlias, Set<Role> roles) {
        this(username, cloudRolesOf(roles),
                tenantAlias == null ? Map.of() : Map.of(tenantAlias, roles), tenantAlias, Origin.NONE);
    }

    /** The caller as signed in: acting for their tenant when they have exactly one, else for none yet. */
    public static Caller signedIn(String username, Set<Role> cloudRoles, Map<String, Set<Role>> memberships) {
        String only = memberships.size() == 1 ? memberships.keySet().iterator().next() : null;
        return new Caller(username, cloudRoles, memberships, only, Origin.NONE);
    }

    /** The same person acting for another of their tenants; a tenant they are not in is refused. */
    public Caller actingFor(String alias) {
        if (!memberships.containsKey(alias)) {
            throw new AccessDeniedException(username + " is not a member of the tenant '" + alias
                    + "'; the tenants you belong to are " + tenantList());
        }
        return new Caller(username, cloudRoles, memberships, alias, origin);
    }

    /** The same person, calling with this request. */
    public Caller from(Origin requestOrigin) {
        return new Caller(username, cloudRoles, memberships, tenantAlias, requestOrigin);
    }

    /** Cloud roles and the roles held in the tenant acted for. */
    public Set<Role> roles() {
        EnumSet<Role> all = EnumSet.noneOf(Role.class);
        all.addAll(cloudRoles);
        if (tenantAlias != null) {
            all.addAll(memberships.get(tenantAlias));
        }
        return all;
    }

    public boolean has(Role role) {
        return roles().contains(role);
    }

    /** A cloud admin acting for no tenant: sees and manages every tenant's resources. */
    public boolean isCloudWide() {
        return has(Role.CLOUD_ADMIN) && tenantAlias == null;
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

    /**
     * The tenant acted for, by someone who holds a role in it: a refusal that says what to do for
     * someone in no tenant, someone in several who has not chosen, and a member with no role.
     */
    public String requireTenant() {
        if (tenantAlias == null) {
            if (memberships.size() > 1) {
                throw new TenantChoiceRequiredException(username, memberships.keySet());
            }
            throw new NoTenantException(username);
        }
        if (!has(Role.TENANT_USER)) {
            throw new AccessDeniedException(username + " holds no role in the tenant '" + tenantAlias
                    + "'; ask a tenant admin of " + tenantAlias + " (or a cloud admin) to make you "
                    + Role.TENANT_USER.realmName() + " or " + Role.TENANT_ADMIN.realmName());
        }
        return tenantAlias;
    }

    private String tenantList() {
        return memberships.isEmpty() ? "none" : String.join(", ", memberships.keySet());
    }

    /** Whether an organization's alias can name a minicloud tenant (lower-case letters, digits, '-'). */
    public static boolean isTenantAlias(String alias) {
        return alias != null && ALIAS.matcher(alias).matches();
    }

    private static void checkAlias(String alias) {
        if (!isTenantAlias(alias)) {
            throw new IllegalArgumentException("not a tenant alias: " + alias);
        }
    }

    private static Set<Role> cloudRolesOf(Set<Role> roles) {
        return roles.contains(Role.CLOUD_ADMIN) ? Set.of(Role.CLOUD_ADMIN) : Set.of();
    }

    /** A tenant admin can do everything a tenant user can; cloud roles are not granted by a tenant. */
    private static Set<Role> tenantRoles(Set<Role> roles) {
        EnumSet<Role> held = EnumSet.noneOf(Role.class);
        roles.stream().filter(Role::isTenantRole).forEach(held::add);
        if (held.contains(Role.TENANT_ADMIN)) {
            held.add(Role.TENANT_USER);
        }
        return Set.copyOf(held);
    }
}
