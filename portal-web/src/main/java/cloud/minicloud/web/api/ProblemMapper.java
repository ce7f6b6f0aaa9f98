package cloud.minicloud.web.api;

import cloud.minicloud.core.ConflictException;
import cloud.minicloud.core.InvalidRequestException;
import cloud.minicloud.core.NotFoundException;
import cloud.minicloud.core.TooManyRequestsException;
import cloud.minicloud.core.audit.AuditWriter;
import cloud.minicloud.core.identity.AccessDeniedException;
import cloud.minicloud.core.identity.AuthorizationFailure;
import cloud.minicloud.core.identity.NoTenantException;
import cloud.minicloud.core.identity.TenantChoiceRequiredException;
import cloud.minicloud.core.instance.InvalidStateException;
import cloud.minicloud.core.network.NetworkInUseException;
import cloud.minicloud.core.network.NetworkNameTakenException;
import cloud.minicloud.core.placement.NoCapacityException;
import cloud.minicloud.core.quota.QuotaExceededException;
import cloud.minicloud.core.tenant.DirectoryException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every failure of an API call becomes a problem document; nothing internal leaks into it. */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    /** Yasson's words for a property the call does not take: "Json property x can not be mapped to a class ...". */
    private static final java.util.regex.Pattern UNKNOWN = java.util.regex.Pattern.compile("Json property (\\S+) can not be mapped");

    @jakarta.inject.Inject
    ApiCaller caller;

    @jakarta.inject.Inject
    AuditWriter audit;

    @jakarta.ws.rs.core.Context
    jakarta.servlet.http.HttpServletRequest request;

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof AuthorizationFailure refusal) {
            // A read or a path no audited use case covers: the audit log still hears of the refusal.
            caller.find().ifPresent(who -> audit.refused(who, request.getMethod() + " " + request.getRequestURI(), refusal));
        }
        return switch (failure) {
            case NotFoundException e -> Problem.response(Status.NOT_FOUND, "not-found", e.getMessage());
            case InvalidRequestException e -> Problem.response(Status.BAD_REQUEST, "invalid-request", e.getMessage());
            case QuotaExceededException e -> Problem.response(Status.CONFLICT, "quota-exceeded", e.getMessage());
            case NetworkNameTakenException e -> Problem.response(Status.CONFLICT, "name-taken", e.getMessage());
            case NetworkInUseException e -> Problem.response(Status.CONFLICT, "in-use", e.getMessage());
            case NoCapacityException e -> Problem.response(Status.CONFLICT, "no-capacity", e.getMessage());
            case InvalidStateException e -> Problem.response(Status.CONFLICT, "invalid-state", e.getMessage());
            case AccessDeniedException e -> Problem.response(Status.FORBIDDEN, "forbidden", e.getMessage());
            case NoTenantException e -> Problem.response(Status.FORBIDDEN, "no-tenant", e.getMessage());
            case TenantChoiceRequiredException e -> Problem.response(Status.BAD_REQUEST, "tenant-required", e.getMessage());
            case WebApplicationException e -> fromJaxRs(e);
            // RESTEasy reports a body that JSON-B cannot read this way.
            case ProcessingException e -> Problem.response(Status.BAD_REQUEST, "invalid-request",
                    "the request body is not valid JSON for this call" + unknownProperty(e) + "; see /openapi for its shape");
            case ConflictException e -> Problem.response(Status.CONFLICT, e.kind(), e.getMessage());
            case TooManyRequestsException e -> Response.fromResponse(
                            Problem.response(Status.TOO_MANY_REQUESTS, "too-many-requests", e.getMessage()))
                    .header("Retry-After", e.retryAfter().toSeconds()).build();
            case DirectoryException e -> identityUnavailable(e);
            default -> unexpected(failure);
        };
    }

    private static Response identityUnavailable(DirectoryException failure) {
        LOG.log(Level.WARNING, failure.getMessage(), failure.getCause());
        return Problem.response(Status.SERVICE_UNAVAILABLE, "identity-unavailable", failure.getMessage());
    }

    /** Names the property the request sent that the call does not take, if that was the trouble. */
    private static String unknownProperty(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            java.util.regex.Matcher unknown = UNKNOWN.matcher(String.valueOf(cause.getMessage()));
            if (unknown.find()) {
                return ": it has no property '" + unknown.group(1) + "'";
            }
        }
        return "";
    }

    /** JAX-RS's own refusals: unknown paths, wrong methods, JSON that does not parse. */
    private static Response fromJaxRs(WebApplicationException e) {
        Status status = Status.fromStatusCode(e.getResponse().getStatus());
        if (status == null) {
            status = Status.BAD_REQUEST;
        }
        return switch (status) {
            case NOT_FOUND -> Problem.response(status, "not-found", "no such API resource; see /openapi");
            case METHOD_NOT_ALLOWED -> Problem.response(status, "method-not-allowed", "this resource does not take that method");
            case UNSUPPORTED_MEDIA_TYPE -> Problem.response(status, "invalid-request",
                    "send application/json (an image's file: application/octet-stream)");
            case NOT_ACCEPTABLE -> Problem.response(status, "not-acceptable", "this API answers application/json");
            default -> status.getFamily() == Status.Family.CLIENT_ERROR
                    ? Problem.response(status, "invalid-request", "the request could not be read: send well-formed JSON")
                    : unexpected(e);
        };
    }

    private static Response unexpected(Throwable failure) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "API call failed, incident " + incident, failure);
        return Problem.response(Status.INTERNAL_SERVER_ERROR, "internal-error",
                "something went wrong on our side (incident " + incident + "); try again, or give the incident to a cloud admin");
    }
}
