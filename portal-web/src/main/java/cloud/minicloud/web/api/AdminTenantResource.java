package cloud.minicloud.web.api;

import cloud.minicloud.core.InvalidRequestException;
import cloud.minicloud.core.quota.QuotaService;
import cloud.minicloud.core.quota.TenantAdministration;
import cloud.minicloud.core.tenant.TenantProfile;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** Cloud admins: every tenant and its quota; making and deleting tenants. */
@Path("/v1/admin/tenants")
@Produces(MediaType.APPLICATION_JSON)
public class AdminTenantResource {

    @Inject
    ApiCaller caller;

    @Inject
    QuotaService quotas;

    @Inject
    TenantAdministration administration;

    @Context
    UriInfo uri;

    /** A new tenant: a Keycloak organization with its role groups, and the default quota. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewTenant tenant) {
        if (tenant == null) {
            throw new InvalidRequestException("send the tenant as JSON: {\"alias\", \"displayName\", \"description\"}");
        }
        QuotaJson made = QuotaJson.of(administration.create(caller.get(),
                new TenantProfile(tenant.alias(), tenant.displayName(), tenant.description())));
        return Response.created(uri.getAbsolutePathBuilder().path(made.tenant()).build()).entity(made).build();
    }

    /** Disables a tenant (no new orders; what runs keeps running), with a reason its members read, or enables it. */
    @POST
    @Path("/{tenant}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    public QuotaJson act(@PathParam("tenant") String tenant, TenantAction action) {
        String name = action == null || action.action() == null ? "" : action.action();
        return QuotaJson.of(switch (name) {
            case "disable" -> administration.disable(caller.get(), tenant, action.reason());
            case "enable" -> administration.enable(caller.get(), tenant);
            default -> throw new InvalidRequestException("action is disable (with an optional reason) or enable");
        });
    }

    /** Deletes a tenant that owns nothing; 409 lists what it still owns. */
    @DELETE
    @Path("/{tenant}")
    public void delete(@PathParam("tenant") String tenant) {
        administration.delete(caller.get(), tenant);
    }

    @GET
    public Page<QuotaJson> tenants(@QueryParam("offset") @DefaultValue("0") int offset,
                                   @QueryParam("limit") @DefaultValue("100") int limit) {
        Page.check(offset, limit);
        List<QuotaJson> items = quotas.tenantQuotas(caller.get(), offset, limit).stream().map(QuotaJson::of).toList();
        return new Page<>(items, offset, limit, quotas.tenantCount(caller.get()));
    }

    @GET
    @Path("/{tenant}/quota")
    public QuotaJson quota(@PathParam("tenant") String tenant) {
        return QuotaJson.of(quotas.quotaOfTenant(caller.get(), tenant));
    }

    @PUT
    @Path("/{tenant}/quota")
    @Consumes(MediaType.APPLICATION_JSON)
    public QuotaJson changeQuota(@PathParam("tenant") String tenant, QuotaJson.Amounts limits) {
        if (limits == null) {
            throw new InvalidRequestException("send the new limits as JSON");
        }
        return QuotaJson.of(quotas.changeLimits(caller.get(), tenant,
                limits.toDomain(quotas.quotaOfTenant(caller.get(), tenant).limits())));
    }

    public record TenantAction(String action, String reason) {
    }

    /** What a cloud admin sends to make a tenant; the display name defaults to the alias. */
    public record NewTenant(String alias, String displayName, String description) {
    }
}
