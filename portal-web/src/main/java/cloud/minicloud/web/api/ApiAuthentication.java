package cloud.minicloud.web.api;

import cloud.minicloud.core.identity.AccessDeniedException;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.web.security.Callers;
import cloud.minicloud.web.security.RequestOrigins;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * Every API call except {@link Public} ones needs a bearer token that WildFly has verified.
 * A session cookie is not enough: scripts use tokens, and refusing cookies closes the door to
 * cross-site requests. A member of several tenants names the one a call acts for in
 * {@value #TENANT_HEADER}.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiAuthentication implements ContainerRequestFilter {

    public static final String TENANT_HEADER = "X-Minicloud-Tenant";

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest http;

    @Inject
    ApiCaller current;

    @Override
    public void filter(ContainerRequestContext request) {
        if (resource.getResourceClass() != null && resource.getResourceClass().isAnnotationPresent(Public.class)) {
            return;
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Optional<Caller> caller = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? Callers.of(request.getSecurityContext().getUserPrincipal())
                : Optional.empty();
        if (caller.isEmpty()) {
            request.abortWith(Response.fromResponse(Problem.response(Status.UNAUTHORIZED,
                            "unauthorized", "send a valid bearer token from Keycloak (client minicloud-cli)"))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"minicloud\"")
                    .build());
            return;
        }
        String tenant = request.getHeaderString(TENANT_HEADER);
        try {
            Caller from = caller.get().from(RequestOrigins.of(http));
            current.set(tenant == null || tenant.isBlank() ? from : from.actingFor(tenant.strip()));
        } catch (AccessDeniedException notAMember) {
            request.abortWith(Problem.response(Status.FORBIDDEN, "forbidden", notAMember.getMessage()));
        }
    }
}
