package cloud.minicloud.web.api;

import cloud.minicloud.core.InvalidRequestException;
import cloud.minicloud.core.flavor.FlavorService;
import cloud.minicloud.core.flavor.FlavorSpec;
import cloud.minicloud.core.flavor.FlavorView;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.List;

/** Cloud admins: the flavor catalogue, disabled flavors included, and its keeping. */
@Path("/v1/admin/flavors")
@Produces(MediaType.APPLICATION_JSON)
public class AdminFlavorResource {

    @Inject
    ApiCaller caller;

    @Inject
    FlavorService flavors;

    @Context
    UriInfo uri;

    @GET
    public List<FlavorView> list() {
        return flavors.all(caller.get());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(FlavorSpec spec) {
        FlavorView created = flavors.create(caller.get(), spec);
        return Response.created(uri.getAbsolutePathBuilder().path(created.name()).build()).entity(created).build();
    }

    /** New price and caps; new vCPUs and memory only for a flavor no instance ever had (409 otherwise). */
    @PUT
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public FlavorView change(@PathParam("name") String name, FlavorChange change) {
        if (change == null) {
            throw new InvalidRequestException("send {\"vcpus\",\"memoryMib\",\"hourlyPrice\",\"bandwidthMbps\",\"diskIops\",\"diskMbps\"}");
        }
        return flavors.change(caller.get(), name, new FlavorSpec(name, change.vcpus(), change.memoryMib(),
                change.hourlyPrice(), change.bandwidthMbps(), change.diskIops(), change.diskMbps()));
    }

    /** {@code {"action":"disable"}} takes a flavor off the order page (its instances keep running); enable puts it back. */
    @POST
    @Path("/{name}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    public FlavorView act(@PathParam("name") String name, FlavorAction request) {
        String action = request == null ? null : request.action();
        return switch (action == null ? "" : action) {
            case "enable" -> flavors.enable(caller.get(), name, true);
            case "disable" -> flavors.enable(caller.get(), name, false);
            default -> throw new InvalidRequestException("action is enable or disable");
        };
    }

    @DELETE
    @Path("/{name}")
    public Response delete(@PathParam("name") String name) {
        flavors.delete(caller.get(), name);
        return Response.noContent().build();
    }

    /** A flavor's new sizes, price and caps (null caps: none). */
    public record FlavorChange(Integer vcpus, Long memoryMib, BigDecimal hourlyPrice, Integer bandwidthMbps,
                               Integer diskIops, Integer diskMbps) {
    }

    public record FlavorAction(String action) {
    }
}
