package cloud.minicloud.web.ui;

import cloud.minicloud.core.identity.AccessDeniedException;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.identity.Origin;
import cloud.minicloud.web.security.Callers;
import cloud.minicloud.web.security.RequestOrigins;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import java.time.Instant;

/**
 * The signed-in person of the current Vaadin session, read afresh from the OIDC principal of each
 * request: WildFly refreshes the access token when it expires, so a role or membership removed in
 * Keycloak stops working within the token's lifetime, not at the end of the session. The tenant
 * acted for is the tab's own: a switch in one tab changes it and tabs opened later, not another
 * one already open. Work done outside a request (a push from a background thread) acts as the last request did, for as long as
 * that could still hold: a tab nobody touched for {@link #UNCONFIRMED} gets nothing more pushed.
 */
final class SessionCaller {

    /** The tenant the user picked in the header, for members of several. */
    private static final String CHOSEN_TENANT = SessionCaller.class.getName() + ".tenant";

    /** Two token lifetimes: past it, the last request's identity may no longer hold. */
    static final Duration UNCONFIRMED = Duration.ofMinutes(2);

    /** The caller worked out for the request in progress: a page asks many times per request. */
    private static final String THIS_REQUEST = SessionCaller.class.getName() + ".caller";

    /** A caller and when a request last confirmed it. */
    private record Confirmed(Caller caller, Instant at) {
    }

    private SessionCaller() {
    }

    static Caller current() {
        VaadinSession session = VaadinSession.getCurrent();
        VaadinRequest request = VaadinRequest.getCurrent();
        UI tab = UI.getCurrent();
        if (request == null || request.getUserPrincipal() == null) {
            Confirmed last = tab != null && ComponentUtil.getData(tab, Confirmed.class) != null
                    ? ComponentUtil.getData(tab, Confirmed.class) : session.getAttribute(Confirmed.class);
            if (last == null) {
                throw new IllegalStateException("the portal is only served to signed-in users");
            }
            if (last.at().plus(UNCONFIRMED).isBefore(Instant.now())) {
                throw new AccessDeniedException(last.caller().username()
                        + "'s roles were not confirmed for " + UNCONFIRMED.toMinutes() + " minutes; reload the page");
            }
            return last.caller();
        }
        if (request.getAttribute(THIS_REQUEST) instanceof Caller known) {
            return known;
        }
        Caller signedIn = Callers.of(request.getUserPrincipal())
                .orElseThrow(() -> new IllegalStateException("the portal is only served to signed-in users"));
        Origin origin = request instanceof VaadinServletRequest http ? RequestOrigins.of(http.getHttpServletRequest()) : Origin.NONE;
        String chosen = tab != null && ComponentUtil.getData(tab, CHOSEN_TENANT) instanceof String own
                ? own : (String) session.getAttribute(CHOSEN_TENANT);
        Caller caller = actingFor(signedIn.from(origin), chosen);
        Confirmed confirmed = new Confirmed(caller, Instant.now());
        session.setAttribute(Confirmed.class, confirmed);
        if (tab != null) {
            // The tab keeps acting for its tenant whatever another tab of the session switches to.
            ComponentUtil.setData(tab, CHOSEN_TENANT, caller.tenantAlias());
            ComponentUtil.setData(tab, Confirmed.class, confirmed);
        }
        request.setAttribute(THIS_REQUEST, caller);
        return caller;
    }

    /** The caller, where one is signed in and still confirmed. */
    static java.util.Optional<Caller> find() {
        try {
            return java.util.Optional.of(current());
        } catch (RuntimeException notKnown) {
            return java.util.Optional.empty();
        }
    }

    /** From the next request on, this tab and tabs opened later act for this tenant (one of theirs). */
    static void choose(String alias) {
        VaadinSession.getCurrent().setAttribute(CHOSEN_TENANT, alias);
        if (UI.getCurrent() != null) {
            ComponentUtil.setData(UI.getCurrent(), CHOSEN_TENANT, alias);
        }
        if (VaadinRequest.getCurrent() != null) {
            VaadinRequest.getCurrent().removeAttribute(THIS_REQUEST);
        }
    }

    /** The chosen tenant while the user is still in it; otherwise the first of theirs, shown in the switcher. */
    private static Caller actingFor(Caller signedIn, String chosen) {
        if (chosen != null && signedIn.memberships().containsKey(chosen)) {
            return signedIn.actingFor(chosen);
        }
        if (signedIn.tenant().isEmpty() && !signedIn.memberships().isEmpty()) {
            return signedIn.actingFor(signedIn.memberships().keySet().iterator().next());
        }
        return signedIn;
    }
}
