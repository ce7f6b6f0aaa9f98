package cloud.minicloud.web.api;

import cloud.minicloud.core.instance.InstanceAction;
import cloud.minicloud.core.instance.InstanceFilter;
import cloud.minicloud.core.instance.InstanceService;
import cloud.minicloud.core.instance.InstanceView;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Cloud admins: every tenant's instances, newest first, with their tenant, filtered by state, name,
 * tenant, node and flavor; start, stop, reboot, move (live, to another node) or delete any of
 * them (the tenant's task history says an administrator asked).
 */
@Path("/v1/admin/instances")
@Produces(MediaType.APPLICATION_JSON)
public class AdminInstanceResource {

    @Inject
    ApiCaller caller;

    @Inject
    InstanceService instances;

    @GET
    public Page<InstanceView> list(@QueryParam("offset") @DefaultValue("0") int offset,
                                   @QueryParam("limit") @DefaultValue("100") int limit,
                                   @QueryParam("state") String state,
                                   @QueryParam("name") String name,
                                   @QueryParam("tenant") String tenant,
                                   @QueryParam("node") String node,
                                   @QueryParam("flavor") String flavor) {
        Page.check(offset, limit);
        InstanceFilter filter = new InstanceFilter(InstanceResource.state(state), name, tenant, node, flavor);
        return new Page<>(instances.listAll(caller.get(), filter, offset, limit), offset, limit,
                instances.countAll(caller.get(), filter));
    }

    @POST
    @Path("/{id}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response act(@PathParam("id") String id, InstanceResource.ActionRequest request) {
        return Response.accepted(instances.administer(caller.get(), InstanceResource.instanceId(id),
                InstanceResource.actionOf(request))).build();
    }

    /**
     * Moves an instance to another node of its zone, live if it runs and cold if it is stopped:
     * {@code {"node": "node-2"}}, or {@code {}} to let placement choose. 202 with the instance
     * MIGRATING; its state reason says how far the move is, then where it ended.
     */
    @POST
    @Path("/{id}/migrate")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response migrate(@PathParam("id") String id, MigrateRequest request) {
        return Response.accepted(instances.migrate(caller.get(), InstanceResource.instanceId(id),
                request == null ? null : request.node())).build();
    }

    /** Where to move an instance: a node's name, or none to let placement choose. */
    public record MigrateRequest(String node) {
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        return Response.accepted(instances.administer(caller.get(), InstanceResource.instanceId(id), InstanceAction.DELETE))
                .build();
    }
}
