package cloud.minicloud.web.security;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.wildfly.security.http.oidc.OidcPrincipal;
import org.wildfly.security.http.oidc.OidcSecurityContext;

/**
 * Signs out of the portal and ends the Keycloak session too (RP-initiated logout), so that the next
 * visit asks for the password again.
 */
@WebServlet("/signout")
public class SignOutServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Keycloak returns only to the portal's one redirect address, which asks for the password again.
        String home = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                + request.getContextPath() + SignIn.PAGE;
        String target = home;
        if (request.getUserPrincipal() instanceof OidcPrincipal<?> principal) {
            OidcSecurityContext context = principal.getOidcSecurityContext();
            target = context.getToken().getIssuer() + "/protocol/openid-connect/logout"
                    + "?id_token_hint=" + encode(context.getIDTokenString())
                    + "&post_logout_redirect_uri=" + encode(home);
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        response.sendRedirect(target);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
