package cloud.minicloud.web.api;

import cloud.minicloud.core.InvalidRequestException;
import cloud.minicloud.core.NotFoundException;
import cloud.minicloud.core.image.ImageView;
import cloud.minicloud.core.image.NewImage;
import cloud.minicloud.core.instance.InstanceAction;
import cloud.minicloud.core.instance.InstanceService;
import cloud.minicloud.core.instance.InstanceState;
import cloud.minicloud.core.instance.InstanceView;
import cloud.minicloud.core.instance.LaunchOrder;
import cloud.minicloud.core.instance.Subscriptions;
import cloud.minicloud.core.task.TaskView;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The caller's tenant's instances. Orders and operations answer 202: a task does the work, and
 * the instance's state (and its task history) shows how far it got. Another tenant's instance is always 404.
 */
@Path("/v1/instances")
@Produces(MediaType.APPLICATION_JSON)
public class InstanceResource {

    @Inject
    ApiCaller caller;

    @Inject
    InstanceService instances;

    @Inject
    Subscriptions subscriptions;

    @GET
    public Page<InstanceView> list(@QueryParam("offset") @DefaultValue("0") int offset,
                                   @QueryParam("limit") @DefaultValue("100") int limit,
                                   @QueryParam("state") String state,
                                   @QueryParam("name") String name) {
        Page.check(offset, limit);
        InstanceState filter = state(state);
        return new Page<>(instances.list(caller.get(), filter, name, offset, limit), offset, limit,
                instances.count(caller.get(), filter, name));
    }


    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response launch(LaunchOrder order) {
        if (order == null) {
            throw new InvalidRequestException("send {\"name\",\"flavor\",\"image\",\"network\",\"password\"|\"sshKey\"}; see /openapi");
        }
        List<InstanceView> launched = instances.launch(caller.get(), order);
        return Response.accepted(new Launched(launched)).build();
    }

    @GET
    @Path("/{id}")
    public InstanceView get(@PathParam("id") String id) {
        return instances.get(caller.get(), instanceId(id));
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        return Response.accepted(instances.delete(caller.get(), instanceId(id))).build();
    }

    @POST
    @Path("/{id}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response act(@PathParam("id") String id, ActionRequest request) {
        UUID instance = instanceId(id);
        return Response.accepted(instances.act(caller.get(), instance, actionOf(request))).build();
    }

    static InstanceAction actionOf(ActionRequest request) {
        if (request == null || request.action() == null) {
            throw new InvalidRequestException("send {\"action\":\"start\"|\"stop\"|\"reboot\"}");
        }
        return InstanceAction.parse(request.action());
    }

    @POST
    @Path("/{id}/resize")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response resize(@PathParam("id") String id, ResizeRequest request) {
        UUID instance = instanceId(id);
        return Response.accepted(instances.resize(caller.get(), instance, request == null ? null : request.flavor())).build();
    }

    /** ECS's ModifyInstanceChargeType to PrePaid: a term bought now; the instance's meters stop. */
    @POST
    @Path("/{id}/subscribe")
    @Consumes(MediaType.APPLICATION_JSON)
    public InstanceView subscribe(@PathParam("id") String id, Subscriptions.TermRequest term) {
        return subscriptions.subscribe(caller.get(), instanceId(id), term);
    }

    /** ECS's RenewInstance: a term bought now, added to the subscription's end (or to now, once it has ended). */
    @POST
    @Path("/{id}/renew")
    @Consumes(MediaType.APPLICATION_JSON)
    public InstanceView renew(@PathParam("id") String id, Subscriptions.TermRequest term) {
        return subscriptions.renew(caller.get(), instanceId(id), term);
    }

    /** ECS's CreateImage: a private image made from the stopped instance's disk; the image answers, QUEUED. */
    @POST
    @Path("/{id}/images")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createImage(@PathParam("id") String id, NewImage request, @Context UriInfo uri) {
        ImageView image = instances.createImage(caller.get(), instanceId(id), request);
        return Response.accepted(image)
                .location(uri.getBaseUriBuilder().path("v1/images").path(String.valueOf(image.id())).build())
                .build();
    }

    @GET
    @Path("/{id}/console-log")
    public ConsoleLog consoleLog(@PathParam("id") String id) {
        UUID instance = instanceId(id);
        return new ConsoleLog(instance, instances.consoleLog(caller.get(), instance));
    }

    @GET
    @Path("/{id}/tasks")
    public List<TaskView> tasks(@PathParam("id") String id) {
        return instances.history(caller.get(), instanceId(id));
    }

    /** The answer to an order: the instances it created, each PENDING until its launch task moves it on. */
    public record Launched(List<InstanceView> instances) {
    }

    public record ActionRequest(String action) {
    }

    public record ResizeRequest(String flavor) {
    }

    /** The end of the guest's serial console. */
    public record ConsoleLog(UUID instance, String output) {
    }

    static InstanceState state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return InstanceState.valueOf(state.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("no state '" + state + "'; states are " + List.of(InstanceState.values()));
        }
    }

    /** An id that is not even a UUID names no instance. */
    static UUID instanceId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("instance", id);
        }
    }
}
