package cloud.minicloud.web.keycloak;

import cloud.minicloud.core.ConflictException;
import cloud.minicloud.core.InvalidRequestException;
import cloud.minicloud.core.NotFoundException;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.identity.Role;
import cloud.minicloud.core.tenant.DirectoryException;
import cloud.minicloud.core.tenant.Member;
import cloud.minicloud.core.tenant.TenantDirectory;
import cloud.minicloud.core.tenant.TenantNotFoundException;
import cloud.minicloud.core.tenant.TenantProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.OrganizationResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.MemberRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Tenants as Keycloak organizations, a member's role as the realm group
 * {@code /tenants/<alias>/<role>}, through Keycloak's admin client. Every failure to reach
 * Keycloak or a refusal it should not have given becomes a {@link DirectoryException}.
 */
@ApplicationScoped
public class KeycloakTenantDirectory implements TenantDirectory {

    private static final int PAGE = 500;
    private static final List<Role> TENANT_ROLES = List.of(Role.TENANT_ADMIN, Role.TENANT_USER);

    @Inject
    KeycloakRealm keycloak;

    private RealmResource realm() {
        return keycloak.get();
    }

    @Override
    public void create(TenantProfile profile) {
        KeycloakRealm.call("make the organization " + profile.alias(), () -> {
            OrganizationRepresentation organization = new OrganizationRepresentation();
            organization.setAlias(profile.alias());
            organization.setName(profile.displayName());
            organization.setDescription(profile.description());
            organization.setEnabled(true);
            String id;
            try (Response made = realm().organizations().create(organization)) {
                if (made.getStatus() == Response.Status.CONFLICT.getStatusCode()) {
                    throw new ConflictException("name-taken", "Keycloak has an organization named '" + profile.displayName()
                            + "' or with the alias '" + profile.alias() + "' already; choose another");
                }
                id = CreatedResponseUtil.getCreatedId(made);
            }
            try {
                for (Role role : TENANT_ROLES) {
                    roleGroup(profile.alias(), role);
                }
            } catch (RuntimeException e) {
                realm().organizations().get(id).delete().close();
                throw e;
            }
            return null;
        });
    }

    @Override
    public void remove(String alias) {
        KeycloakRealm.call("remove the organization " + alias, () -> {
            organizationId(alias).ifPresent(id -> realm().organizations().get(id).delete().close());
            group("/tenants/" + alias).ifPresent(group -> realm().groups().group(group).remove());
            return null;
        });
    }

    @Override
    public List<Member> members(String alias) {
        return KeycloakRealm.call("list the members of " + alias, () -> {
            OrganizationResource organization = organization(alias);
            Set<String> admins = groupMembers(alias, Role.TENANT_ADMIN);
            Set<String> users = groupMembers(alias, Role.TENANT_USER);
            List<Member> members = new ArrayList<>();
            for (int first = 0; ; first += PAGE) {
                List<MemberRepresentation> page = organization.members().list(first, PAGE, true);
                page.forEach(m -> members.add(new Member(m.getUsername(), m.getEmail(),
                        admins.contains(m.getId()) ? Role.TENANT_ADMIN : users.contains(m.getId()) ? Role.TENANT_USER : null,
                        Boolean.TRUE.equals(m.isEmailVerified()))));
                if (page.size() < PAGE) {
                    return members;
                }
            }
        });
    }

    @Override
    public Member add(String alias, String user, Role role) {
        return KeycloakRealm.call("add " + user + " to " + alias, () -> {
            OrganizationResource organization = organization(alias);
            UserRepresentation found = (user.contains("@")
                    ? realm().users().searchByEmail(user, true) : realm().users().searchByUsername(user, true))
                    .stream().findFirst().orElseThrow(() -> new NotFoundException("user", user));
            boolean joined;
            try (Response added = organization.members().addMember(found.getId())) {
                joined = added.getStatus() != Response.Status.CONFLICT.getStatusCode();
                if (joined && added.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
                    throw new WebApplicationException(added.getStatus());
                }
            }
            try {
                holdOnly(alias, found.getId(), role);
            } catch (RuntimeException e) {
                if (joined) {
                    organization.members().member(found.getId()).delete().close();
                }
                throw e;
            }
            return new Member(found.getUsername(), found.getEmail(), role);
        });
    }

    @Override
    public void setRole(String alias, String username, Role role) {
        KeycloakRealm.call("give " + username + " the role " + role.realmName() + " in " + alias, () -> {
            holdOnly(alias, memberId(alias, username), role);
            return null;
        });
    }

    @Override
    public void removeMember(String alias, String username) {
        KeycloakRealm.call("remove " + username + " from " + alias, () -> {
            String id = memberId(alias, username);
            holdOnly(alias, id, null);
            organization(alias).members().member(id).delete().close();
            return null;
        });
    }

    @Override
    public void invite(String alias, String email) {
        KeycloakRealm.call("invite " + email + " to " + alias, () -> {
            try (Response sent = organization(alias).members().inviteUser(email, "", "")) {
                int status = sent.getStatus();
                if (status / 100 == 2) {
                    return null;
                }
                String said = sent.hasEntity() ? sent.readEntity(String.class) : "";
                if (status == Response.Status.BAD_REQUEST.getStatusCode()) {
                    throw new InvalidRequestException("Keycloak refused to invite " + email + ": " + said);
                }
                if (status == Response.Status.CONFLICT.getStatusCode()) {
                    throw new ConflictException("already-invited", "Keycloak says " + email + " is a member or has an invitation waiting: " + said);
                }
                throw new DirectoryException("Keycloak could not send the invitation to " + email + " (HTTP " + status
                        + "); a Keycloak admin sets up its e-mail (realm minicloud, Realm settings, Email), then try again", null);
            }
        });
    }

    /** The member's id; a user who is not a member of the tenant is not found. */
    private String memberId(String alias, String username) {
        OrganizationResource organization = organization(alias);
        return organization.members().search(username, true, 0, 1, true).stream()
                .filter(m -> m.getUsername().equals(username)).map(MemberRepresentation::getId).findFirst()
                .orElseThrow(() -> new NotFoundException("member", username));
    }

    /** The user holds this role in the tenant and no other (none for null). */
    private void holdOnly(String alias, String userId, Role role) {
        for (Role each : TENANT_ROLES) {
            String group = roleGroup(alias, each);
            if (each == role) {
                realm().users().get(userId).joinGroup(group);
            } else {
                realm().users().get(userId).leaveGroup(group);
            }
        }
    }

    private Set<String> groupMembers(String alias, Role role) {
        Set<String> ids = new HashSet<>();
        String group = roleGroup(alias, role);
        for (int first = 0; ; first += PAGE) {
            List<UserRepresentation> page = realm().groups().group(group).members(first, PAGE, true);
            page.forEach(user -> ids.add(user.getId()));
            if (page.size() < PAGE) {
                return ids;
            }
        }
    }

    @Override
    public Caller now(Caller caller) {
        return KeycloakRealm.call("look up the roles of " + caller.username(), () -> {
            Optional<UserRepresentation> user = realm().users().searchByUsername(caller.username(), true).stream()
                    .filter(found -> !Boolean.FALSE.equals(found.isEnabled()))
                    .findFirst();
            Set<Role> cloudRoles = EnumSet.noneOf(Role.class);
            Map<String, Set<Role>> memberships = new HashMap<>();
            String alias = caller.tenantAlias();
            if (user.isPresent()) {
                UserResource person = realm().users().get(user.get().getId());
                person.roles().realmLevel().listEffective().forEach(role -> Role.fromRealmName(role.getName())
                        .filter(known -> !known.isTenantRole()).ifPresent(cloudRoles::add));
                boolean member = alias != null && realm().organizations().members().getOrganizations(user.get().getId(), true)
                        .stream().anyMatch(organization -> alias.equals(organization.getAlias()));
                if (member) {
                    Set<Role> roles = EnumSet.noneOf(Role.class);
                    person.groups(0, 1000, true).forEach(group -> TENANT_ROLES.stream()
                            .filter(role -> group.getPath().equals("/tenants/" + alias + "/" + role.realmName()))
                            .forEach(roles::add));
                    memberships.put(alias, roles);
                }
            }
            return new Caller(caller.username(), cloudRoles, memberships, memberships.containsKey(alias) ? alias : null,
                    caller.origin());
        });
    }

    /** The group /tenants/<alias>/<role>, made with its parents where missing. */
    private String roleGroup(String alias, Role role) {
        String tenants = group("/tenants").orElseGet(() -> child(null, "tenants"));
        String tenant = group("/tenants/" + alias).orElseGet(() -> child(tenants, alias));
        return group("/tenants/" + alias + "/" + role.realmName()).orElseGet(() -> child(tenant, role.realmName()));
    }

    private Optional<String> group(String path) {
        try {
            return Optional.of(realm().getGroupByPath(path).getId());
        } catch (jakarta.ws.rs.NotFoundException absent) {
            return Optional.empty();
        }
    }

    private String child(String parentId, String name) {
        GroupRepresentation group = new GroupRepresentation();
        group.setName(name);
        try (Response made = parentId == null ? realm().groups().add(group) : realm().groups().group(parentId).subGroup(group)) {
            return CreatedResponseUtil.getCreatedId(made);
        }
    }

    private OrganizationResource organization(String alias) {
        return realm().organizations().get(organizationId(alias).orElseThrow(() -> new TenantNotFoundException(alias)));
    }

    /** Keycloak searches organizations by name or domain, not alias: the list is read a page at a time. */
    private Optional<String> organizationId(String alias) {
        for (int first = 0; ; first += PAGE) {
            List<OrganizationRepresentation> page = realm().organizations().list(first, PAGE);
            Optional<String> id = page.stream().filter(o -> alias.equals(o.getAlias())).map(OrganizationRepresentation::getId).findFirst();
            if (id.isPresent() || page.size() < PAGE) {
                return id;
            }
        }
    }
}
