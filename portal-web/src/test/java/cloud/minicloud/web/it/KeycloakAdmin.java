package cloud.minicloud.web.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What an identity administrator does in Keycloak's admin console, done by a test through the
 * admin REST API with the bootstrap admin the cloud's secrets hold: changing a user's groups.
 */
final class KeycloakAdmin {

    private static final Path SECRETS = Path.of(System.getProperty("it.state.dir", "/var/lib/minicloud"), "secrets");
    private static final String REALM = Api.KEYCLOAK + "/admin/realms/minicloud";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private KeycloakAdmin() {
    }

    static void addToGroup(String user, String groupPath) {
        send("PUT", REALM + "/users/" + userId(user) + "/groups/" + groupId(groupPath));
    }

    static void removeFromGroup(String user, String groupPath) {
        send("DELETE", REALM + "/users/" + userId(user) + "/groups/" + groupId(groupPath));
    }

    /** Whether Keycloak has an organization with this alias. */
    static boolean organizationExists(String alias) {
        JsonArray organizations = Json.createReader(new StringReader(send("GET", REALM + "/organizations?first=0&max=10000")))
                .readArray();
        return organizations.stream().anyMatch(o -> alias.equals(o.asJsonObject().getString("alias", null)));
    }

    private static String userId(String user) {
        JsonArray found = Json.createReader(new StringReader(
                send("GET", REALM + "/users?exact=true&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8))))
                .readArray();
        return found.getJsonObject(0).getString("id");
    }

    private static String groupId(String path) {
        return Json.createReader(new StringReader(send("GET", REALM + "/group-by-path" + path))).readObject().getString("id");
    }

    private static String send(String method, String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + adminToken())
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response = exchange(request);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String adminToken() {
        try {
            String password = Files.readString(SECRETS.resolve("keycloak-admin-password")).strip();
            String form = "grant_type=password&client_id=admin-cli&username=kcadmin&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8);
            HttpResponse<String> response = exchange(HttpRequest.newBuilder(
                            URI.create(Api.KEYCLOAK + "/realms/master/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
            return Json.createReader(new StringReader(response.body())).readObject().getString("access_token");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> exchange(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
