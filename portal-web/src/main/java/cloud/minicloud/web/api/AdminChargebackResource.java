package cloud.minicloud.web.api;

import cloud.minicloud.billing.cost.Chargeback;
import cloud.minicloud.billing.cost.ChargebackCsv;
import cloud.minicloud.billing.cost.ChargebackReport;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Cloud admins: every tenant's costs of a month (YYYY-MM), as JSON or CSV ({@code Accept: text/csv}). */
@Path("/v1/admin/chargeback/{month}")
public class AdminChargebackResource {

    @Inject
    ApiCaller caller;

    @Inject
    Chargeback chargeback;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ChargebackReport report(@PathParam("month") String month) {
        return chargeback.of(caller.get(), Months.parse(month));
    }

    @GET
    @Produces("text/csv;qs=0.5") // JSON unless CSV is asked for
    public Response csv(@PathParam("month") String month) {
        ChargebackReport report = report(month);
        return Downloads.csv("minicloud-chargeback-" + report.month() + ".csv", out -> ChargebackCsv.write(report, out));
    }
}
