package cloud.minicloud.web.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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

    /** The realm's mail settings (Keycloak's smtpServer), empty when none are set. */
    static JsonObject mailSettings() {
        JsonObject realm = Json.createReader(new StringReader(send("GET", REALM))).readObject();
        return realm.containsKey("smtpServer") ? realm.getJsonObject("smtpServer") : JsonValue.EMPTY_JSON_OBJECT;
    }

    /** Points the realm's mail at these settings (empty: none), as a Keycloak admin does in its console. */
    static void setMailSettings(JsonObject smtpServer) {
        send("PUT", REALM, Json.createObjectBuilder().add("smtpServer", smtpServer).build().toString());
    }

    /** Whether Keycloak has an organization with this alias. */
    static boolean organizationExists(String alias) {
        JsonArray organizations = Json.createReader(new StringReader(send("GET", REALM + "/organizations?first=0&max=10000")))
                .readArray();
        return organizations.stream().anyMatch(o -> alias.equals(o.asJsonObject().getString("alias", null)));
    }

    /** A user with this address and no password, as one who registers through an invitation would be. */
    static void createUser(String username, String email) {
        send("POST", REALM + "/users", Json.createObjectBuilder().add("username", username).add("email", email)
                .add("firstName", "Invited").add("lastName", "Person")
                .add("emailVerified", true).add("enabled", true).build().toString());
    }

    static void setPassword(String username, String password) {
        send("PUT", REALM + "/users/" + userId(username) + "/reset-password", Json.createObjectBuilder().add("type", "password")
                .add("value", password).add("temporary", false).build().toString());
    }

    static void deleteUser(String username) {
        send("DELETE", REALM + "/users/" + userId(username));
    }

    /** Makes the user a member of the organization with no role: what following Keycloak's invitation link does. */
    static void joinOrganization(String alias, String username) {
        JsonArray organizations = Json.createReader(new StringReader(send("GET", REALM + "/organizations?first=0&max=10000")))
                .readArray();
        String id = organizations.stream().map(JsonValue::asJsonObject).filter(o -> alias.equals(o.getString("alias", null)))
                .findFirst().orElseThrow().getString("id");
        send("POST", REALM + "/organizations/" + id + "/members", "\"" + userId(username) + "\"");
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
        return send(method, url, null);
    }

    private static String send(String method, String url, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
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
