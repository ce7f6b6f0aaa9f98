package cloud.minicloud.web.api;

import cloud.minicloud.core.InvalidRequestException;
import cloud.minicloud.core.audit.AuditEntryView;
import cloud.minicloud.core.audit.AuditLog;
import cloud.minicloud.core.audit.AuditQuery;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The audit log, newest first: a tenant admin reads their tenant's lines, a cloud admin everyone's. */
@Path("/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    ApiCaller caller;

    @Inject
    AuditLog log;

    /** Filters: {@code user}, {@code tenant}, {@code action} (or its start), {@code target} (part of an id or name), {@code outcome}, {@code requestId}, {@code from}/{@code to} (ISO-8601 instants). */
    @GET
    public Page<AuditEntryView> list(@QueryParam("offset") @DefaultValue("0") int offset,
                                     @QueryParam("limit") @DefaultValue("100") int limit,
                                     @QueryParam("user") String user, @QueryParam("tenant") String tenant,
                                     @QueryParam("action") String action, @QueryParam("target") String target,
                                     @QueryParam("outcome") String outcome, @QueryParam("requestId") String requestId,
                                     @QueryParam("from") String from, @QueryParam("to") String to) {
        Page.check(offset, limit);
        AuditQuery query = new AuditQuery(user, tenant, action, target, outcome, requestId,
                instant("from", from), instant("to", to));
        return new Page<>(log.list(caller.get(), query, offset, limit), offset, limit, log.count(caller.get(), query));
    }

    private static Instant instant(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("'" + name + "' is an ISO-8601 time such as 2026-11-30T08:00:00Z, not '" + text + "'");
        }
    }
}
