package cloud.minicloud.web.api;

import cloud.minicloud.core.NotFoundException;
import cloud.minicloud.core.network.NetworkService;
import cloud.minicloud.core.network.NetworkView;
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
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;

/** The caller's tenant's private networks. Another tenant's network is always 404. */
@Path("/v1/networks")
@Produces(MediaType.APPLICATION_JSON)
public class NetworkResource {

    @Inject
    ApiCaller caller;

    @Inject
    NetworkService networks;

    @jakarta.ws.rs.core.Context
    UriInfo uri;

    @GET
    public Page<NetworkView> list(@QueryParam("offset") @DefaultValue("0") int offset,
                                  @QueryParam("limit") @DefaultValue("100") int limit) {
        Page.check(offset, limit);
        return new Page<>(networks.list(caller.get(), offset, limit), offset, limit, networks.count(caller.get()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewNetwork request) {
        NetworkView created = networks.create(caller.get(), request == null ? null : request.name());
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @Path("/{id}")
    public NetworkView get(@PathParam("id") String id) {
        return networks.get(caller.get(), networkId(id));
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        networks.delete(caller.get(), networkId(id));
        return Response.noContent().build();
    }

    /** What a script sends to create a network. */
    public record NewNetwork(String name) {
    }

    /** An id that is not even a UUID names no network. */
    private static UUID networkId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("network", id);
        }
    }
}
