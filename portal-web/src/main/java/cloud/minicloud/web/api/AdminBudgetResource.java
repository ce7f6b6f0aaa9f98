package cloud.minicloud.web.api;

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

/** Cloud admins: a tenant's monthly budget, set, read and removed. */
@Path("/v1/admin/tenants/{tenant}/budget")
@Produces(MediaType.APPLICATION_JSON)
public class AdminBudgetResource {

    @Inject
    ApiCaller caller;

    @Inject
    Budgets budgets;

    @GET
    public BudgetJson budget(@PathParam("tenant") String tenant) {
        return new BudgetJson(budgets.of(caller.get(), tenant));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public BudgetJson set(@PathParam("tenant") String tenant, BudgetJson budget) {
        if (budget == null || budget.monthlyAmount() == null) {
            throw new InvalidRequestException("send {\"monthlyAmount\": 500.00}; DELETE removes the budget");
        }
        budgets.set(caller.get(), tenant, budget.monthlyAmount());
        return budget(tenant);
    }

    @DELETE
    public Response remove(@PathParam("tenant") String tenant) {
        budgets.set(caller.get(), tenant, null);
        return Response.noContent().build();
    }

    /** A tenant's monthly budget in the cloud's currency (null: none). */
    public record BudgetJson(BigDecimal monthlyAmount) {
    }
}
