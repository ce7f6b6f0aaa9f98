package cloud.minicloud.web.api;

import cloud.minicloud.core.audit.AuditEntryView;
import cloud.minicloud.core.audit.AuditLog;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The audit log, newest first: a tenant admin reads their tenant's lines, a cloud admin everyone's. */
@Path("/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    ApiCaller caller;

    @Inject
    AuditLog log;

    @GET
    public Page<AuditEntryView> list(@QueryParam("offset") @DefaultValue("0") int offset,
                                     @QueryParam("limit") @DefaultValue("100") int limit) {
        Page.check(offset, limit);
        return new Page<>(log.list(caller.get(), offset, limit), offset, limit, log.count(caller.get()));
    }
}
