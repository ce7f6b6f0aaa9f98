package cloud.minicloud.web.api;

import cloud.minicloud.core.InvalidRequestException;
import cloud.minicloud.core.quota.QuotaService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Cloud admins: every tenant and its quota. */
@Path("/v1/admin/tenants")
@Produces(MediaType.APPLICATION_JSON)
public class AdminTenantResource {

    @Inject
    ApiCaller caller;

    @Inject
    QuotaService quotas;

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
}
