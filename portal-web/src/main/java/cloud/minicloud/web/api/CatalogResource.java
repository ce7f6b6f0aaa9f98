package cloud.minicloud.web.api;

import cloud.minicloud.core.flavor.FlavorService;
import cloud.minicloud.core.flavor.FlavorView;
import cloud.minicloud.core.image.ImageService;
import cloud.minicloud.core.image.ImageView;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** What can be ordered: flavors and the images the caller may launch from. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    @Inject
    ApiCaller caller;

    @Inject
    FlavorService flavors;

    @Inject
    ImageService images;

    @GET
    @Path("/flavors")
    public List<FlavorView> flavors() {
        return flavors.available(caller.get());
    }

    @GET
    @Path("/images")
    public List<ImageView> images() {
        return images.available(caller.get());
    }
}
