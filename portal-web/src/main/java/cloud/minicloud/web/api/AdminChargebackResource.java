package cloud.minicloud.web.api;

import cloud.minicloud.billing.cost.Chargeback;
import cloud.minicloud.billing.cost.ChargebackCsv;
import cloud.minicloud.billing.cost.ChargebackPdf;
import cloud.minicloud.core.config.CloudSettings;
import jakarta.ws.rs.HeaderParam;
import cloud.minicloud.billing.cost.ChargebackReport;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Cloud admins: every tenant's costs of a month (YYYY-MM), as JSON, CSV or PDF by {@code Accept}. */
@Path("/v1/admin/chargeback/{month}")
public class AdminChargebackResource {

    @Inject
    ApiCaller caller;

    @Inject
    Chargeback chargeback;

    @Inject
    CloudSettings settings;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ChargebackReport report(@PathParam("month") String month) {
        return chargeback.of(caller.get(), Months.parse(month));
    }

    /** As PDF ({@code Accept: application/pdf}), in Simplified Chinese for {@code Accept-Language: zh}. */
    @GET
    @Produces("application/pdf;qs=0.5")
    public Response pdf(@PathParam("month") String month, @HeaderParam("Accept-Language") String language)
            throws java.io.IOException {
        ChargebackReport report = report(month);
        java.io.ByteArrayOutputStream pdf = new java.io.ByteArrayOutputStream();
        ChargebackPdf.write(report, Downloads.locale(language), settings.billing().pdfFont(), pdf);
        return Downloads.file(pdf.toByteArray(), "application/pdf", "minicloud-chargeback-" + report.month() + ".pdf");
    }

    @GET
    @Produces("text/csv;qs=0.5") // JSON unless CSV is asked for
    public Response csv(@PathParam("month") String month) {
        ChargebackReport report = report(month);
        return Downloads.csv("minicloud-chargeback-" + report.month() + ".csv", out -> ChargebackCsv.write(report, out));
    }
}
