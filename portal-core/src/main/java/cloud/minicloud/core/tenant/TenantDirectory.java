package cloud.minicloud.core.tenant;

import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.identity.Role;
import java.util.List;

/**
 * Where people and their tenants are kept: Keycloak's organizations, their members and the role
 * groups {@code /tenants/<alias>/<role>}. Calls leave the server, so callers make them outside
 * any database transaction.
 */
public interface TenantDirectory {

    /** Makes the organization and its role groups; a taken alias is a ConflictException (name-taken). */
    void create(TenantProfile profile);

    /** Removes the organization and its role groups, if they are there. */
    void remove(String alias);

    /** The organization's members with the role each holds in it, by user name. */
    List<Member> members(String alias);

    /**
     * Makes an existing user (by user name or e-mail) a member holding the role; one who is a member
     * already gets the role. An unknown user is a NotFoundException.
     */
    Member add(String alias, String user, Role role);

    /** Gives a member this role in place of the one they held; one who is not a member: NotFoundException. */
    void setRole(String alias, String username, Role role);

    /** Takes a member out of the organization and its role groups. */
    void removeMember(String alias, String username);

    /**
     * Has Keycloak e-mail an invitation to join the organization; one who accepts is a member with
     * no role until a tenant admin gives one. Mail that cannot be sent is a DirectoryException.
     */
    void invite(String alias, String email);

    /**
     * The same person as Keycloak has them now: their cloud roles, and their roles in the tenant
     * they act for if they still belong to it (else acting for none). A user who is gone or
     * disabled holds nothing. For what stays open long (a console), whose token is not refreshed.
     */
    Caller now(Caller caller);
}
