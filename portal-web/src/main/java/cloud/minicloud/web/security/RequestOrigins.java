package cloud.minicloud.web.security;

import cloud.minicloud.core.identity.Origin;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;

/**
 * Gives every request an id, answered in {@value #HEADER} and written with each audit line, so a
 * user quoting it leads to what happened. The id is always the server's own: one a client sent
 * could name another caller's request and muddle a search for it.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestOrigins extends HttpFilter {

    public static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = Origin.class.getName();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Origin origin = new Origin(UUID.randomUUID().toString(), request.getRemoteAddr());
        request.setAttribute(ATTRIBUTE, origin);
        response.setHeader(HEADER, origin.requestId());
        chain.doFilter(request, response);
    }

    /** The origin this filter gave the request (none for a request it did not see). */
    public static Origin of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Origin origin ? origin : Origin.NONE;
    }
}
