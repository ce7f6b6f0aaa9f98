package cloud.minicloud.web.api;

import cloud.minicloud.billing.statement.Statement;
import cloud.minicloud.billing.statement.StatementCsv;
import cloud.minicloud.billing.statement.StatementPdf;
import cloud.minicloud.billing.statement.Statements;
import cloud.minicloud.core.config.CloudSettings;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;

/**
 * The caller's tenant's statement of a month (YYYY-MM): closed once the month is over, open (the
 * costs so far) for this one; JSON, or CSV or PDF by {@code Accept}; the PDF in Simplified Chinese
 * for {@code Accept-Language: zh}.
 */
@Path("/v1/statements/{month}")
public class StatementResource {

    @Inject
    ApiCaller caller;

    @Inject
    Statements statements;

    @Inject
    CloudSettings settings;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Statement statement(@PathParam("month") String month) {
        return statements.of(caller.get(), Months.parse(month));
    }

    @GET
    @Produces("text/csv;qs=0.5") // JSON unless CSV is asked for
    public Response csv(@PathParam("month") String month) {
        Statement statement = statement(month);
        return Downloads.csv(statement.fileName("csv"), out -> StatementCsv.write(statement, out));
    }

    @GET
    @Produces("application/pdf;qs=0.5")
    public Response pdf(@PathParam("month") String month, @HeaderParam("Accept-Language") String language)
            throws java.io.IOException {
        Statement statement = statement(month);
        Locale locale = Downloads.locale(language);
        // Made whole before answering: a statement is a few pages, and a failure is then a clean error.
        java.io.ByteArrayOutputStream pdf = new java.io.ByteArrayOutputStream();
        StatementPdf.write(statement, locale, settings.billing().zone(), settings.billing().pdfFont(), pdf);
        return Downloads.file(pdf.toByteArray(), "application/pdf", statement.fileName("pdf"));
    }
}
