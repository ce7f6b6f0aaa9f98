package cloud.minicloud.web.api;

import cloud.minicloud.billing.cost.CostCsv;
import cloud.minicloud.billing.cost.CostReport;
import cloud.minicloud.billing.cost.Costs;
import cloud.minicloud.core.InvalidRequestException;
import cloud.minicloud.core.config.CloudSettings;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The caller's tenant's costs over a span of days: this month so far unless asked otherwise. */
@Path("/v1/costs")
@Produces(MediaType.APPLICATION_JSON)
public class CostResource {

    @Inject
    ApiCaller caller;

    @Inject
    Costs costs;

    @Inject
    CloudSettings settings;

    /** {@code from} and {@code to} are days (YYYY-MM-DD, both included) in the cloud's billing time zone. */
    @GET
    public CostReport costs(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate today = LocalDate.now(settings.billing().zone());
        return costs.of(caller.get(), day("from", from, today.withDayOfMonth(1)), day("to", to, today));
    }

    /** The same report as CSV ({@code Accept: text/csv}), for a spreadsheet. */
    @GET
    @Produces("text/csv;qs=0.5") // JSON unless CSV is asked for
    public Response csv(@QueryParam("from") String from, @QueryParam("to") String to) {
        CostReport report = costs(from, to);
        return Downloads.csv("minicloud-costs-" + report.tenant() + "-" + report.from() + "-" + report.to() + ".csv",
                out -> CostCsv.write(report, out));
    }

    private static LocalDate day(String name, String text, LocalDate fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("'" + name + "' is a day such as 2026-11-01, not '" + text + "'");
        }
    }
}
