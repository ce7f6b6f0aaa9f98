package cloud.minicloud.web.keycloak;

import cloud.minicloud.core.audit.SignIn;
import cloud.minicloud.core.audit.SignInFeed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.keycloak.representations.idm.EventRepresentation;

/**
 * Sign-ins from Keycloak's stored login events (the realm keeps {@code LOGIN} and
 * {@code LOGIN_ERROR} for a week; the service account may view them).
 */
@ApplicationScoped
public class KeycloakSignInFeed implements SignInFeed {

    private static final List<String> TYPES = List.of("LOGIN", "LOGIN_ERROR");

    @Inject
    KeycloakRealm keycloak;

    @Override
    public List<SignIn> from(Instant from, int max) {
        return KeycloakRealm.call("read its sign-in events", () -> keycloak.get()
                .getEvents(TYPES, null, null, String.valueOf(from.toEpochMilli()), null, null, 0, max, "asc")
                .stream().map(KeycloakSignInFeed::signIn).toList());
    }

    private static SignIn signIn(EventRepresentation event) {
        Map<String, String> details = event.getDetails() == null ? Map.of() : event.getDetails();
        // A failed attempt names the user tried in its details; Keycloak's user id says little to a reader.
        String username = details.getOrDefault("username", event.getUserId());
        return new SignIn(event.getId(), Instant.ofEpochMilli(event.getTime()), username, event.getClientId(),
                event.getIpAddress(), "LOGIN".equals(event.getType()) ? null
                        : java.util.Objects.requireNonNullElse(event.getError(), "LOGIN_ERROR"));
    }
}
