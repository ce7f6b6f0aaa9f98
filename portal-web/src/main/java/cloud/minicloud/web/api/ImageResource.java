package cloud.minicloud.web.api;

import cloud.minicloud.core.NotFoundException;
import cloud.minicloud.core.image.ImageService;
import cloud.minicloud.core.image.ImageUploads;
import cloud.minicloud.core.image.ImageView;
import cloud.minicloud.core.image.NewImage;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;

/**
 * The image catalog, in Glance's two steps: register the metadata ({@code POST}, 201, QUEUED),
 * then send the file ({@code PUT .../file}, 202) while the image moves on to VALIDATING and ends
 * ACTIVE or REJECTED with a reason. Another tenant's private image is always 404.
 */
@Path("/v1/images")
@Produces(MediaType.APPLICATION_JSON)
public class ImageResource {

    @Inject
    ApiCaller caller;

    @Inject
    ImageService images;

    @Inject
    ImageUploads uploads;

    @jakarta.ws.rs.core.Context
    UriInfo uri;

    @GET
    public List<ImageView> list() {
        return images.catalog(caller.get()).stream().map(uploads::withProgress).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(NewImage request) {
        ImageView created = images.register(caller.get(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @GET
    @Path("/{id}")
    public ImageView get(@PathParam("id") String id) {
        return uploads.withProgress(images.get(caller.get(), imageId(id)));
    }

    /** The file, streamed to the store as it arrives (never whole in memory). */
    @PUT
    @Path("/{id}/file")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    public Response upload(@PathParam("id") String id, InputStream body) {
        return Response.accepted(uploads.receive(caller.get(), imageId(id), body)).build();
    }

    /** Changes name, os, osVersion, minDiskGib or minMemoryMib; what is left out stays. */
    @jakarta.ws.rs.PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ImageView describe(@PathParam("id") String id, NewImage change) {
        return images.describe(caller.get(), imageId(id), change);
    }

    /** {@code {"action":"deactivate"}}: no new launches; {@code reactivate} undoes it. */
    @jakarta.ws.rs.POST
    @Path("/{id}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    public ImageView act(@PathParam("id") String id, ImageAction request) {
        String action = request == null ? null : request.action();
        return switch (action == null ? "" : action) {
            case "deactivate" -> images.deactivate(caller.get(), imageId(id));
            case "reactivate" -> images.reactivate(caller.get(), imageId(id));
            default -> throw new cloud.minicloud.core.InvalidRequestException("action is deactivate or reactivate");
        };
    }

    /** The tenants a tenant's image is shared with (they launch it; only its own admins change it). */
    @GET
    @Path("/{id}/shares")
    public List<String> shares(@PathParam("id") String id) {
        return images.shares(caller.get(), imageId(id));
    }

    @POST
    @Path("/{id}/shares")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<String> share(@PathParam("id") String id, Share request) {
        return images.share(caller.get(), imageId(id), request == null ? null : request.tenant());
    }

    @DELETE
    @Path("/{id}/shares/{tenant}")
    public List<String> unshare(@PathParam("id") String id, @PathParam("tenant") String tenant) {
        return images.unshare(caller.get(), imageId(id), tenant);
    }

    /** What a script sends to share an image with a tenant. */
    public record Share(String tenant) {
    }

    /** What a script sends to take an image out of service or back. */
    public record ImageAction(String action) {
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        uploads.delete(caller.get(), imageId(id));
        return Response.noContent().build();
    }

    private static long imageId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFoundException("image", id);
        }
    }
}
