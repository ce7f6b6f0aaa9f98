package cloud.minicloud.web.api;

import cloud.minicloud.core.NotFoundException;
import cloud.minicloud.core.identity.Role;
import cloud.minicloud.core.task.Failpoints;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Crash testing: arms a point in a task where the worker will hang so a test can kill the server
 * there. Exists only on a server started with -Dminicloud.failpoints=true; elsewhere it is 404.
 */
@Path("/v1/admin/failpoints")
@Produces(MediaType.APPLICATION_JSON)
public class AdminFailpointResource {

    @Inject
    ApiCaller caller;

    @Inject
    Failpoints failpoints;

    @PUT
    @Path("/{point}")
    public Response arm(@PathParam("point") String point) {
        available();
        failpoints.arm(point);
        return Response.noContent().build();
    }

    /** Disarms every point (a test cleaning up after itself). */
    @jakarta.ws.rs.DELETE
    public Response disarmAll() {
        available();
        failpoints.disarmAll();
        return Response.noContent().build();
    }

    /** The points tasks have reached (and hang at). */
    @GET
    public List<String> reached() {
        available();
        return failpoints.reached();
    }

    private void available() {
        caller.get().require(Role.CLOUD_ADMIN);
        if (!failpoints.enabled()) {
            throw new NotFoundException("API resource", "failpoints");
        }
    }
}
