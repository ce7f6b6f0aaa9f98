package cloud.minicloud.web.api;

import cloud.minicloud.core.flavor.FlavorService;
import cloud.minicloud.core.flavor.FlavorView;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** What can be ordered: the flavors (images have their own resource). */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    @Inject
    ApiCaller caller;

    @Inject
    FlavorService flavors;

    @GET
    @Path("/flavors")
    public List<FlavorView> flavors() {
        return flavors.available(caller.get());
    }
}
