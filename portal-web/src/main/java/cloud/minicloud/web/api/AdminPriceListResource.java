package cloud.minicloud.web.api;

import cloud.minicloud.billing.price.PriceList;
import cloud.minicloud.billing.price.PriceListSpec;
import cloud.minicloud.billing.price.PriceLists;
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
import java.util.List;

/** Cloud admins: the versions of the price list, a new one from a time on, and withdrawing one not yet in force. */
@Path("/v1/admin/price-lists")
@Produces(MediaType.APPLICATION_JSON)
public class AdminPriceListResource {

    @Inject
    ApiCaller caller;

    @Inject
    PriceLists prices;

    @Context
    UriInfo uri;

    /** Every version, oldest first; each is in force from its effectiveFrom until the next one's. */
    @GET
    public List<PriceList> list() {
        return prices.all(caller.get());
    }

    /** {@code {"effectiveFrom": "2027-01-01T00:00:00Z" (or none: now), "flavors": {"entry": 0.02, ...}, "diskGibHour", "imageGibHour"}}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(PriceListSpec spec) {
        PriceList created = prices.create(caller.get(), spec);
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build()).entity(created).build();
    }

    /** Withdraws a version that has not taken effect yet (409 once it has). */
    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") long id) {
        prices.delete(caller.get(), id);
        return Response.noContent().build();
    }
}
