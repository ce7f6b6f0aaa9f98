package cloud.minicloud.web.api;

import cloud.minicloud.core.InvalidRequestException;
import cloud.minicloud.core.identity.Role;
import cloud.minicloud.core.quota.TenantAdministration;
import cloud.minicloud.core.tenant.Member;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * A tenant's members and their roles, kept by its tenant admins and by cloud admins; to anyone
 * else the tenant does not exist.
 */
@Path("/v1/tenants/{tenant}/members")
@Produces(MediaType.APPLICATION_JSON)
public class TenantMemberResource {

    @Inject
    ApiCaller caller;

    @Inject
    TenantAdministration administration;

    @Context
    UriInfo uri;

    @PathParam("tenant")
    String tenant;

    @GET
    public List<MemberJson> members() {
        return administration.members(caller.get(), tenant).stream().map(MemberJson::of).toList();
    }

    /** Adds an existing user, named by user name or e-mail, with a role (a member gets the role). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(NewMember member) {
        if (member == null) {
            throw new InvalidRequestException("send {\"user\": user name or e-mail, \"role\": \"tenant-user\" or \"tenant-admin\"}");
        }
        MemberJson added = MemberJson.of(administration.addMember(caller.get(), tenant, member.user(), role(member.role())));
        return Response.created(uri.getAbsolutePathBuilder().path(added.username()).build()).entity(added).build();
    }

    @PUT
    @Path("/{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    public void setRole(@PathParam("username") String username, RoleChange change) {
        administration.setRole(caller.get(), tenant, username, role(change == null ? null : change.role()));
    }

    @DELETE
    @Path("/{username}")
    public void remove(@PathParam("username") String username) {
        administration.removeMember(caller.get(), tenant, username);
    }

    static Role role(String name) {
        return Role.fromRealmName(name == null ? "" : name).filter(Role::isTenantRole)
                .orElseThrow(() -> new InvalidRequestException("role is tenant-admin or tenant-user"));
    }

    public record NewMember(String user, String role) {
    }

    public record RoleChange(String role) {
    }

    /** A member as the API shows one; role is null for a member who holds none. */
    public record MemberJson(String username, String email, String role) {
        static MemberJson of(Member member) {
            return new MemberJson(member.username(), member.email(), member.role() == null ? null : member.role().realmName());
        }
    }
}
