package cloud.minicloud.web.api;

import cloud.minicloud.billing.cost.BudgetStatus;
import cloud.minicloud.billing.cost.Budgets;
import cloud.minicloud.core.InvalidRequestException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;

/**
 * Monthly budgets: a tenant's members read this month's costs against theirs; cloud admins set and
 * remove them. A budget warns (at 80 % and 100 %); it stops nothing.
 */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class BudgetResource {

    @Inject
    ApiCaller caller;

    @Inject
    Budgets budgets;

    @GET
    @Path("/budget")
    public BudgetStatus status() {
        return budgets.status(caller.get());
    }

    @GET
    @Path("/admin/tenants/{tenant}/budget")
    public BudgetJson budget(@PathParam("tenant") String tenant) {
        return new BudgetJson(budgets.of(caller.get(), tenant));
    }

    @PUT
    @Path("/admin/tenants/{tenant}/budget")
    @Consumes(MediaType.APPLICATION_JSON)
    public BudgetJson set(@PathParam("tenant") String tenant, BudgetJson budget) {
        if (budget == null || budget.monthlyAmount() == null) {
            throw new InvalidRequestException("send {\"monthlyAmount\": 500.00}; DELETE removes the budget");
        }
        budgets.set(caller.get(), tenant, budget.monthlyAmount());
        return budget(tenant);
    }

    @DELETE
    @Path("/admin/tenants/{tenant}/budget")
    public Response remove(@PathParam("tenant") String tenant) {
        budgets.set(caller.get(), tenant, null);
        return Response.noContent().build();
    }

    /** A tenant's monthly budget in the cloud's currency (null: none). */
    public record BudgetJson(BigDecimal monthlyAmount) {
    }
}
