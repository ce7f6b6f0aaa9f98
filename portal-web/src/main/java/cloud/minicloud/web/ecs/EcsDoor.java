package cloud.minicloud.web.ecs;

import cloud.minicloud.core.ConflictException;
import cloud.minicloud.core.InvalidRequestException;
import cloud.minicloud.core.NotFoundException;
import cloud.minicloud.core.TooManyRequestsException;
import cloud.minicloud.core.clienttoken.ClientTokenMismatchException;
import cloud.minicloud.core.instance.InvalidStateException;
import cloud.minicloud.core.network.NetworkNameTakenException;
import cloud.minicloud.core.placement.NoCapacityException;
import cloud.minicloud.core.quota.QuotaExceededException;
import cloud.minicloud.core.config.CloudSettings;
import cloud.minicloud.core.identity.AuthorizationFailure;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.identity.Origin;
import cloud.minicloud.core.tenant.DirectoryException;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The ECS-compatible API's front door: every request that came to its port
 * ({@code MINICLOUD_ECS_PORT}) is answered here, never by the portal's pages or REST API. It reads
 * the call, lets {@link EcsGate} say who sent it and {@link EcsActions} act, and answers JSON with a
 * RequestId, or an error in ECS's shape (ECS-API.md §5). Query strings are never logged: they carry
 * passwords (RunInstances).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class EcsDoor extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(EcsDoor.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    CloudSettings settings;

    @Inject
    EcsGate gate;

    @Inject
    EcsActions actions;

    /** Whether the request came to the ECS API's port rather than the portal's. */
    public static boolean isFor(HttpServletRequest request, CloudSettings settings) {
        return request.getLocalPort() == settings.ecs().port();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!isFor(request, settings)) {
            chain.doFilter(request, response);
            return;
        }
        String requestId = UUID.randomUUID().toString().toUpperCase(java.util.Locale.ROOT);
        Origin origin = new Origin(requestId, request.getRemoteAddr());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("RequestId", requestId);
        int status = 200;
        String host = request.getHeader("host") == null ? "" : request.getHeader("host");
        try {
            if (!"/".equals(request.getRequestURI())) {
                throw new EcsFault("InvalidParameter", 400, "The ECS API answers at / of this port, not " + request.getRequestURI() + ".");
            }
            EcsRequest call = EcsRequest.read(request);
            Caller caller = gate.authenticate(call, origin);
            answer.putAll(actions.run(call.version(), call.action(), call.parameters(), caller, host));
        } catch (RuntimeException refused) {
            EcsFault fault = fault(refused, requestId);
            status = fault.status();
            answer.put("HostId", host);
            answer.put("Code", fault.code());
            answer.put("Message", fault.getMessage());
        }
        response.setStatus(status);
        response.setContentType("application/json;charset=utf-8");
        response.getOutputStream().write(JSON.toJson(answer).getBytes(StandardCharsets.UTF_8));
    }

    /** What the core refused, in ECS's codes; anything unforeseen is an InternalError, logged under the request id. */
    private static EcsFault fault(RuntimeException refused, String requestId) {
        return switch (refused) {
            case EcsFault fault -> fault;
            case AuthorizationFailure denied -> new EcsFault("Forbidden", 403, denied.getMessage());
            case NotFoundException missing -> new EcsFault("InvalidParameter", 404, missing.getMessage());
            case InvalidRequestException invalid -> new EcsFault("InvalidParameter", 400, invalid.getMessage());
            case InvalidStateException wrongState -> new EcsFault("IncorrectInstanceStatus", 403,
                    "The current status of the resource does not support this operation: " + wrongState.getMessage() + ".");
            case NetworkNameTakenException taken -> new EcsFault("InvalidParameter", 400, taken.getMessage());
            case QuotaExceededException over -> new EcsFault("QuotaExceed.ElasticQuota", 403, over.getMessage());
            case NoCapacityException full -> new EcsFault("OperationDenied.NoStock", 403, full.getMessage());
            case ClientTokenMismatchException mismatch -> new EcsFault("IdempotentParameterMismatch", 400,
                    "The ClientToken was used for another request: " + mismatch.getMessage() + ".");
            case ConflictException conflict -> new EcsFault("OperationDenied", 403, conflict.getMessage());
            case TooManyRequestsException busy -> new EcsFault("Throttling.User", 400, busy.getMessage());
            case DirectoryException down -> new EcsFault("ServiceUnavailable", 503,
                    "Keycloak could not say who the AccessKey's user is now; try again shortly.");
            default -> {
                LOG.log(Level.WARNING, "ECS API request " + requestId + " failed", refused);
                yield new EcsFault("InternalError", 500, "The request processing has failed due to some unknown error (request "
                        + requestId + ").");
            }
        };
    }
}
