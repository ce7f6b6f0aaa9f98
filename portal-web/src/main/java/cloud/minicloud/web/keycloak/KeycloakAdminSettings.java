package cloud.minicloud.web.keycloak;

import java.util.Map;

/**
 * How the portal reaches Keycloak's admin API: as the confidential client {@code minicloud-admin}
 * (its service account may manage organizations and users, nothing else), in the realm the portal
 * signs people in to.
 */
public record KeycloakAdminSettings(String serverUrl, String realm, String clientId, String clientSecret) {

    /**
     * From the OIDC provider URL the portal already has ({@code http://host:port/realms/<realm>}) and
     * the admin client's secret, which deploy/minicloud keeps in the cloud's secrets.
     */
    public static KeycloakAdminSettings from(Map<String, String> env) {
        String provider = env.getOrDefault("MINICLOUD_OIDC_PROVIDER_URL", "http://localhost:8180/realms/minicloud");
        int realms = provider.lastIndexOf("/realms/");
        if (realms < 0) {
            throw new IllegalStateException("MINICLOUD_OIDC_PROVIDER_URL ends in /realms/<realm>, not " + provider);
        }
        return new KeycloakAdminSettings(provider.substring(0, realms), provider.substring(realms + "/realms/".length()),
                env.getOrDefault("MINICLOUD_KEYCLOAK_ADMIN_CLIENT", "minicloud-admin"),
                env.getOrDefault("MINICLOUD_KEYCLOAK_ADMIN_SECRET", ""));
    }
}
