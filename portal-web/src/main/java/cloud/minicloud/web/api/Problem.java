package cloud.minicloud.web.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem document. The type names the problem so that scripts can branch on it
 * (it ends in e.g. {@code quota-exceeded}); the detail says what to do next.
 */
public record Problem(String type, String title, int status, String detail) {

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");
    private static final String TYPE_PREFIX = "urn:minicloud:problem:";

    public static Response response(Response.Status status, String name, String detail) {
        Problem problem = new Problem(TYPE_PREFIX + name, status.getReasonPhrase(), status.getStatusCode(), detail);
        return Response.status(status).type(MEDIA_TYPE).entity(problem).build();
    }
}
