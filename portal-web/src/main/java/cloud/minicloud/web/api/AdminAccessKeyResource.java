package cloud.minicloud.web.api;

import cloud.minicloud.core.InvalidRequestException;
import cloud.minicloud.core.accesskey.AccessKeyService;
import cloud.minicloud.core.accesskey.AccessKeyView;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Cloud admins: every user's AccessKeys (never a secret), and disabling any of them. */
@Path("/v1/admin/access-keys")
@Produces(MediaType.APPLICATION_JSON)
public class AdminAccessKeyResource {

    @Inject
    ApiCaller caller;

    @Inject
    AccessKeyService keys;

    @GET
    public Page<AccessKeyView> list(@QueryParam("offset") @DefaultValue("0") int offset,
                                    @QueryParam("limit") @DefaultValue("100") int limit) {
        Page.check(offset, limit);
        return new Page<>(keys.all(caller.get(), offset, limit), offset, limit, keys.count(caller.get()));
    }

    /** {@code {"action":"disable"}}: the key stops working at once; only its user enables it again. */
    @POST
    @Path("/{id}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccessKeyView act(@PathParam("id") String id, AccessKeyResource.KeyAction request) {
        if (request == null || !"disable".equals(request.action())) {
            throw new InvalidRequestException("action is disable (only the key's user enables it again)");
        }
        return keys.disable(caller.get(), id);
    }
}
