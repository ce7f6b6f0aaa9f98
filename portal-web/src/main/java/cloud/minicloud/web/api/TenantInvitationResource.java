package cloud.minicloud.web.api;

import cloud.minicloud.core.InvalidRequestException;
import cloud.minicloud.core.identity.Role;
import cloud.minicloud.core.quota.TenantAdministration;
import cloud.minicloud.core.tenant.InvitationView;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Invitations by e-mail to join a tenant, sent by Keycloak for its tenant admins and cloud admins:
 * one who accepts joins and, within a minute, holds the role invited with (tenant-user unless said).
 */
@Path("/v1/tenants/{tenant}/invitations")
@Produces(MediaType.APPLICATION_JSON)
public class TenantInvitationResource {

    @Inject
    ApiCaller caller;

    @Inject
    TenantAdministration administration;

    /** The invitations not taken up yet (each role is given once its person has joined). */
    @GET
    public List<InvitationView> waiting(@PathParam("tenant") String tenant) {
        return administration.invitations(caller.get(), tenant);
    }

    /** Withdraws a waiting invitation: one who follows the mail now joins with no role. */
    @DELETE
    @Path("/{email}")
    public Response withdraw(@PathParam("tenant") String tenant, @PathParam("email") String email) {
        administration.withdraw(caller.get(), tenant, email);
        return Response.noContent().build();
    }

    /** 202: the mail went to the mail server; whether and when the person accepts is theirs. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response invite(@PathParam("tenant") String tenant, Invitation invitation) {
        if (invitation == null) {
            throw new InvalidRequestException("send {\"email\": the address to invite, \"role\": \"tenant-user\" (the default) or \"tenant-admin\"}");
        }
        Role role = invitation.role() == null ? Role.TENANT_USER : TenantMemberResource.role(invitation.role());
        administration.invite(caller.get(), tenant, invitation.email(), role);
        return Response.accepted(new Invitation(invitation.email().strip(), role.realmName())).build();
    }

    public record Invitation(String email, String role) {
    }
}
