package cloud.minicloud.web.keycloak;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import cloud.minicloud.core.tenant.DirectoryException;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.function.Supplier;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;

/**
 * The minicloud realm through Keycloak's admin client, signed in as the service account
 * {@code minicloud-admin}; made on first use and shared (the client renews its own token).
 */
@ApplicationScoped
public class KeycloakRealm {

    @Inject
    KeycloakAdminSettings settings;

    private volatile Keycloak keycloak;

    RealmResource get() {
        if (keycloak == null) {
            synchronized (this) {
                if (keycloak == null) {
                    keycloak = KeycloakBuilder.builder().serverUrl(settings.serverUrl()).realm(settings.realm())
                            .grantType(OAuth2Constants.CLIENT_CREDENTIALS).clientId(settings.clientId())
                            .clientSecret(settings.clientSecret()).build();
                }
            }
        }
        return keycloak.realm(settings.realm());
    }

    @PreDestroy
    void close() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    /** Runs a step against Keycloak, turning its failures into ones that say what did not happen. */
    static <T> T call(String what, Supplier<T> step) {
        try {
            return step.get();
        } catch (WebApplicationException e) {
            throw new DirectoryException("Keycloak refused to " + what + " (HTTP " + e.getResponse().getStatus()
                    + "); see Keycloak's log, then try again", e);
        } catch (ProcessingException e) {
            throw new DirectoryException("could not reach Keycloak to " + what + "; check that it runs (deploy/minicloud status), then try again", e);
        }
    }
}
