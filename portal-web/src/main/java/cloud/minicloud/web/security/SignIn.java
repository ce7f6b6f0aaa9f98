package cloud.minicloud.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Sends a browser that is not signed in to {@value #PAGE}, the one address web.xml protects, and
 * back to the page it asked for once Keycloak has signed it in. Keycloak then redirects to that one
 * exact address: a wildcard would let a crafted link hand the authorization code to any page of
 * this host. Elytron puts the signed-in user on every request of the session, protected or not, so
 * the pages see their user as before. The REST API authenticates its own bearer tokens.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SignIn extends HttpFilter {

    /** Keycloak's one redirect address for the portal (deploy/lib/keycloak.sh registers it). */
    public static final String PAGE = "/sso/login";

    private static final String RETURN_TO = SignIn.class.getName() + ".returnTo";

    @jakarta.inject.Inject
    cloud.minicloud.core.config.CloudSettings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // The path as the container resolved it ("/api/../x" is "/x"), not the raw text of the request.
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (request.getUserPrincipal() != null || path.equals("/api") || path.startsWith("/api/")
                || cloud.minicloud.web.ecs.EcsDoor.isFor(request, settings)) {
            chain.doFilter(request, response);
            return;
        }
        if (path.equals(PAGE)) {
            // Elytron answers here before this filter runs; a request that still gets here was refused by Keycloak.
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "signing in did not succeed; open the portal again");
            return;
        }
        if (isPageVisit(request, path)) {
            String query = request.getQueryString();
            request.getSession().setAttribute(RETURN_TO, query == null ? path : path + "?" + query);
        }
        response.sendRedirect(request.getContextPath() + PAGE);
    }

    /**
     * A page the user typed or followed, not one of Vaadin's own requests behind it nor what the
     * browser fetches by itself (an icon): those do not ask for HTML.
     */
    private static boolean isPageVisit(HttpServletRequest request, String path) {
        String query = request.getQueryString();
        String accept = request.getHeader("Accept");
        return "GET".equals(request.getMethod()) && !path.startsWith("/VAADIN/") && !path.startsWith("/vnc/")
                && (query == null || !query.contains("v-r=")) && accept != null && accept.contains("text/html");
    }

    /** Where a user who just signed in goes: the page they asked for, once, or the home page. */
    static String returnTo(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object saved = session == null ? null : session.getAttribute(RETURN_TO);
        if (session != null) {
            session.removeAttribute(RETURN_TO);
        }
        // Only this filter writes it, always a path of this portal; "//" would leave the host.
        return saved instanceof String page && page.startsWith("/") && !page.startsWith("//")
                ? request.getContextPath() + page : request.getContextPath() + "/";
    }
}
