package cloud.minicloud.web.security;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Where Keycloak returns a user it signed in (web.xml protects it): on to the page they asked for. */
@WebServlet(SignIn.PAGE)
public class SignedInServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(SignIn.returnTo(request));
    }
}
