package cloud.minicloud.web.api;

import cloud.minicloud.core.InvalidRequestException;
import cloud.minicloud.core.accesskey.AccessKeyService;
import cloud.minicloud.core.accesskey.AccessKeyView;
import cloud.minicloud.core.accesskey.NewAccessKey;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;

/**
 * The caller's own AccessKey pairs for the ECS-compatible API. The secret is in the answer to the
 * POST that makes a key, and nowhere else, ever.
 */
@Path("/v1/access-keys")
@Produces(MediaType.APPLICATION_JSON)
public class AccessKeyResource {

    @Inject
    ApiCaller caller;

    @Inject
    AccessKeyService keys;

    @Context
    UriInfo uri;

    @GET
    public List<AccessKeyView> mine() {
        return keys.mine(caller.get());
    }

    /** 201 with the secret; 409 when the caller already has two active keys. A key takes no settings. */
    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public Response create(String body) {
        if (body != null && !body.isBlank() && !body.strip().equals("{}")) {
            throw new InvalidRequestException("a new AccessKey takes no properties: send no body, or {}");
        }
        NewAccessKey made = keys.create(caller.get());
        AccessKeyView key = made.key();
        return Response.created(uri.getAbsolutePathBuilder().path(key.accessKeyId()).build())
                .entity(new Created(key.accessKeyId(), made.accessKeySecret(), key.user(), key.tenant(), key.status(),
                        key.createdAt()))
                .build();
    }

    /** {@code {"action":"disable"}} stops the key working at once; enable lets it work again. */
    @POST
    @Path("/{id}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccessKeyView act(@PathParam("id") String id, KeyAction request) {
        String action = request == null ? null : request.action();
        return switch (action == null ? "" : action) {
            case "enable" -> keys.enable(caller.get(), id);
            case "disable" -> keys.disable(caller.get(), id);
            default -> throw new InvalidRequestException("action is enable or disable");
        };
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        keys.delete(caller.get(), id);
        return Response.noContent().build();
    }

    /** A key just made: the only answer that carries its secret. */
    public record Created(String accessKeyId, String accessKeySecret, String user, String tenant, String status,
                          Instant createdAt) {
    }

    public record KeyAction(String action) {
    }
}
