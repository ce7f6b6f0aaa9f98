package cloud.minicloud.web.api;

import cloud.minicloud.billing.cost.BudgetStatus;
import cloud.minicloud.billing.cost.Budgets;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** This month's costs against the caller's tenant's budget: a budget warns (at 80 % and 100 %); it stops nothing. */
@Path("/v1/budget")
@Produces(MediaType.APPLICATION_JSON)
public class BudgetResource {

    @Inject
    ApiCaller caller;

    @Inject
    Budgets budgets;

    @GET
    public BudgetStatus status() {
        return budgets.status(caller.get());
    }
}
