package cloud.minicloud.web.api;

import cloud.minicloud.core.quota.QuotaService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The caller's own tenant's quota and use. */
@Path("/v1/quota")
@Produces(MediaType.APPLICATION_JSON)
public class QuotaResource {

    @Inject
    ApiCaller caller;

    @Inject
    QuotaService quotas;

    @GET
    public QuotaJson quota() {
        return QuotaJson.of(quotas.quotaOf(caller.get()));
    }
}
