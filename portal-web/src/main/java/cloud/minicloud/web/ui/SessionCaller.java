package cloud.minicloud.web.ui;

import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.web.security.Callers;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;

/** The signed-in person of the current Vaadin session, taken from the OIDC principal on first use. */
final class SessionCaller {

    private SessionCaller() {
    }

    static Caller current() {
        VaadinSession session = VaadinSession.getCurrent();
        Caller caller = session.getAttribute(Caller.class);
        if (caller == null) {
            caller = Callers.of(VaadinRequest.getCurrent().getUserPrincipal())
                    .orElseThrow(() -> new IllegalStateException("the portal is only served to signed-in users"));
            session.setAttribute(Caller.class, caller);
        }
        return caller;
    }
}
