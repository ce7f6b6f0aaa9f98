package cloud.minicloud.core.quota;

import cloud.minicloud.core.ConflictException;
import cloud.minicloud.core.InvalidRequestException;
import cloud.minicloud.core.audit.Audited;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.identity.Role;
import cloud.minicloud.core.NotFoundException;
import cloud.minicloud.core.tenant.Invitation;
import cloud.minicloud.core.tenant.InvitationRepository;
import cloud.minicloud.core.tenant.InvitationView;
import cloud.minicloud.core.tenant.Member;
import cloud.minicloud.core.tenant.TenantDirectory;
import cloud.minicloud.core.tenant.TenantNotFoundException;
import cloud.minicloud.core.tenant.TenantProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Tenants and their members, kept by cloud admins (every tenant) and tenant admins (their own).
 * Keycloak is called outside any database transaction; a step that fails after Keycloak changed
 * undoes the Keycloak side, so a refused request leaves no half-made tenant.
 */
@ApplicationScoped
public class TenantAdministration {

    /** Enough of an address to send to; Keycloak and the mail server judge the rest. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s.]{1,63}");

    @Inject
    TenantDirectory directory;

    @Inject
    TenantRecords records;

    @Inject
    InvitationRepository invitations;

    @Audited
    public QuotaView create(Caller caller, TenantProfile profile) {
        caller.require(Role.CLOUD_ADMIN);
        records.requireAliasFree(profile.alias());
        directory.create(profile);
        try {
            return records.add(profile);
        } catch (RuntimeException e) {
            directory.remove(profile.alias());
            throw e;
        }
    }

    /**
     * Deletes a tenant that owns nothing (else the conflict lists what it owns). The database says
     * so first, which refuses new orders; then Keycloak forgets the organization. Repeating a
     * delete whose Keycloak step failed finishes it.
     */
    @Audited
    public void delete(Caller caller, String alias) {
        caller.require(Role.CLOUD_ADMIN);
        records.markDeleted(alias);
        directory.remove(alias);
    }

    /**
     * Disables a tenant: no new orders (launches, networks, images, growth), with the reason its
     * members are told; what runs keeps running and can be stopped or deleted.
     */
    @Audited
    public QuotaView disable(Caller caller, String alias, String reason) {
        caller.require(Role.CLOUD_ADMIN);
        if (reason != null && (reason.length() > 300 || !cloud.minicloud.core.PrintableText.isPrintable(reason, false))) {
            throw new InvalidRequestException("reason is one line of at most 300 characters");
        }
        return records.closeOrders(alias, reason == null ? "" : reason);
    }

    @Audited
    public QuotaView enable(Caller caller, String alias) {
        caller.require(Role.CLOUD_ADMIN);
        return records.closeOrders(alias, null);
    }

    public List<Member> members(Caller caller, String alias) {
        administer(caller, alias);
        return directory.members(alias);
    }

    /** Adds an existing user (by user name or e-mail) with a role, or gives a member that role. */
    @Audited
    public Member addMember(Caller caller, String alias, String user, Role role) {
        administer(caller, alias);
        if (user == null || user.isBlank()) {
            throw new InvalidRequestException("name the user to add by user name or e-mail");
        }
        Role given = tenantRole(role);
        String named = user.strip();
        List<Member> members = directory.members(alias);
        // Someone already a member, named by user name or e-mail, has their role changed: the same rules hold.
        String username = members.stream().filter(m -> m.username().equals(named) || named.equalsIgnoreCase(m.email()))
                .map(Member::username).findFirst().orElse(named);
        notOneself(caller, username);
        if (given != Role.TENANT_ADMIN) {
            notTheLastAdmin(alias, username, members);
        }
        return directory.add(alias, named, given);
    }

    @Audited
    public void setRole(Caller caller, String alias, String username, Role role) {
        administer(caller, alias);
        notOneself(caller, username);
        Role given = tenantRole(role);
        if (given != Role.TENANT_ADMIN) {
            notTheLastAdmin(alias, username, directory.members(alias));
        }
        directory.setRole(alias, username, given);
    }

    @Audited
    public void removeMember(Caller caller, String alias, String username) {
        administer(caller, alias);
        notOneself(caller, username);
        notTheLastAdmin(alias, username, directory.members(alias));
        directory.removeMember(alias, username);
    }

    /** A tenant keeps at least one admin: nobody else could then keep its members. */
    private static void notTheLastAdmin(String alias, String username, List<Member> members) {
        List<Member> admins = members.stream().filter(m -> m.role() == Role.TENANT_ADMIN).toList();
        if (admins.size() == 1 && admins.get(0).username().equals(username)) {
            throw new ConflictException("last-admin", username + " is the last tenant admin of " + alias
                    + "; make another member tenant-admin first");
        }
    }

    /**
     * Keycloak e-mails the person a link to join; once they have joined they get the role
     * ({@link InvitedRoles}, within a minute). Keycloak sends first: a refused invitation records nothing.
     */
    @Audited
    public void invite(Caller caller, String alias, String email, Role role) {
        administer(caller, alias);
        if (email == null || !EMAIL.matcher(email.strip()).matches()) {
            throw new InvalidRequestException("email is an e-mail address like ann@example.com"
                    + (email == null ? "" : ", not '" + email + "'"));
        }
        Role given = tenantRole(role);
        directory.invite(alias, email.strip());
        invitations.put(alias, email, given, Instant.now(), caller.username());
    }

    /** The invitations not taken up yet, oldest first. */
    public List<InvitationView> invitations(Caller caller, String alias) {
        administer(caller, alias);
        return invitations.all().stream().filter(i -> i.tenantAlias().equals(alias)).map(Invitation::view).toList();
    }

    /**
     * Withdraws a waiting invitation: Keycloak's mail cannot be called back, but one who follows it
     * now joins with no role, which an admin gives or not.
     */
    @Audited
    public void withdraw(Caller caller, String alias, String email) {
        administer(caller, alias);
        if (email == null || !invitations.remove(alias, email)) {
            throw new NotFoundException("invitation", String.valueOf(email));
        }
    }

    /** A cloud admin, or a tenant admin acting for this tenant; to anyone else the tenant does not exist. */
    private void administer(Caller caller, String alias) {
        if (!caller.has(Role.CLOUD_ADMIN)) {
            if (!caller.requireTenant().equals(alias)) {
                throw new TenantNotFoundException(alias);
            }
            caller.require(Role.TENANT_ADMIN);
        }
        records.live(alias);
    }

    /** A tenant admin cannot demote or remove themselves: a tenant would be left with no admin by a slip. */
    private static void notOneself(Caller caller, String username) {
        if (!caller.has(Role.CLOUD_ADMIN) && caller.username().equals(username)) {
            throw new InvalidRequestException("you cannot change your own membership; ask another tenant admin or a cloud admin");
        }
    }

    private static Role tenantRole(Role role) {
        if (role == null || !role.isTenantRole()) {
            throw new InvalidRequestException("role is tenant-admin or tenant-user");
        }
        return role;
    }
}
