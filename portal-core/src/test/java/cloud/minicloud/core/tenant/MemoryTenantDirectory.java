package cloud.minicloud.core.tenant;

import cloud.minicloud.core.ConflictException;
import cloud.minicloud.core.NotFoundException;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.identity.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Keycloak's organizations and role groups in memory: users are known by name and e-mail. */
public class MemoryTenantDirectory implements TenantDirectory {

    private final Map<String, String> emails = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Role>> organizations = new ConcurrentHashMap<>();
    private final List<String> invitations = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.Set<String> unverified = new java.util.HashSet<>();

    /** A user who exists in the directory, in no organization yet. */
    public void addUser(String username, String email) {
        emails.put(username, email);
    }

    public boolean hasOrganization(String alias) {
        return organizations.containsKey(alias);
    }

    @Override
    public void create(TenantProfile profile) {
        if (organizations.putIfAbsent(profile.alias(), new TreeMap<>()) != null) {
            throw new ConflictException("name-taken", "an organization with the alias " + profile.alias() + " exists");
        }
    }

    @Override
    public synchronized Caller now(Caller caller) {
        String alias = caller.tenantAlias();
        Map<String, Role> members = alias == null ? null : organizations.get(alias);
        if (members == null || !members.containsKey(caller.username())) {
            return new Caller(caller.username(), caller.cloudRoles(), Map.of(), null, caller.origin());
        }
        Role role = members.get(caller.username());
        return new Caller(caller.username(), caller.cloudRoles(),
                Map.of(alias, role == null ? java.util.Set.of() : java.util.Set.of(role)), alias, caller.origin());
    }

    @Override
    public void remove(String alias) {
        organizations.remove(alias);
    }

    @Override
    public synchronized List<Member> members(String alias) {
        List<Member> members = new ArrayList<>();
        organization(alias).forEach((username, role) -> members.add(new Member(username, emails.get(username), role,
                !unverified.contains(username))));
        return members;
    }

    @Override
    public synchronized Member add(String alias, String user, Role role) {
        String username = emails.containsKey(user) ? user : emails.entrySet().stream()
                .filter(e -> user.equalsIgnoreCase(e.getValue())).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new NotFoundException("user", user));
        organization(alias).put(username, role);
        return new Member(username, emails.get(username), role);
    }

    @Override
    public synchronized void setRole(String alias, String username, Role role) {
        if (!organization(alias).containsKey(username)) {
            throw new NotFoundException("member", username);
        }
        organization(alias).put(username, role);
    }

    @Override
    public synchronized void removeMember(String alias, String username) {
        if (!organization(alias).containsKey(username)) {
            throw new NotFoundException("member", username);
        }
        organization(alias).remove(username);
    }

    @Override
    public void invite(String alias, String email) {
        organization(alias);
        invitations.add(alias + " " + email);
    }

    /** The user with this address takes up the invitation, as Keycloak's link does: a member with no role. */
    public synchronized void accept(String alias, String username, String email) {
        emails.put(username, email);
        organization(alias).put(username, null);
    }

    /** A member with no role who typed this address into their own profile, which Keycloak has not proved. */
    public synchronized void joinClaiming(String alias, String username, String email) {
        accept(alias, username, email);
        unverified.add(username);
    }

    /** The invitations sent, as "alias e-mail". */
    public List<String> invitations() {
        return List.copyOf(invitations);
    }

    private Map<String, Role> organization(String alias) {
        Map<String, Role> members = organizations.get(alias);
        if (members == null) {
            throw new TenantNotFoundException(alias);
        }
        return members;
    }
}
