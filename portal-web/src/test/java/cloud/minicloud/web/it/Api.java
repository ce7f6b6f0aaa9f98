package cloud.minicloud.web.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A script's view of minicloud: tokens from Keycloak's minicloud-cli client and JSON calls to the API. */
final class Api {

    static final String PORTAL = System.getProperty("minicloud.url", "http://localhost:9080");
    static final String KEYCLOAK = System.getProperty("keycloak.url", "http://localhost:8180");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Api() {
    }

    /** The demo users' passwords equal their names; the token lists every organization they are in. */
    static String tokenFor(String user) {
        Reply reply = signIn(user, user);
        if (reply.status() != 200) {
            throw new IllegalStateException("Keycloak refused a token for " + user + ": " + reply.body());
        }
        return reply.json().asJsonObject().getString("access_token");
    }

    /** Keycloak's answer to a sign-in with this password (on the command-line client). */
    static Reply signIn(String user, String password) {
        String form = "grant_type=password&client_id=minicloud-cli&username=" + encode(user) + "&password=" + encode(password)
                + "&scope=" + encode("organization:*");
        return send(HttpRequest.newBuilder(URI.create(KEYCLOAK + "/realms/minicloud/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    static Reply get(String path, String token) {
        return send(authorized(path, token).GET().build());
    }

    static Reply post(String path, String token, String json) {
        return send(authorized(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    static Reply delete(String path, String token) {
        return send(authorized(path, token).DELETE().build());
    }

    static Reply put(String path, String token, String json) {
        return send(authorized(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Any method with a JSON body (PATCH, which HttpClient has no shorthand for). */
    static Reply send(String method, String path, String token, String json) {
        return send(authorized(path, token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Any call, acting for a named tenant (null: none named); a null body sends none. */
    static Reply call(String method, String path, String token, String tenant, String json) {
        return call(method, path, token, tenant == null ? Map.of() : Map.of("X-Minicloud-Tenant", tenant), json);
    }

    /** Any call with these extra headers; a null body sends none. */
    static Reply call(String method, String path, String token, Map<String, String> headers, String json) {
        HttpRequest.Builder request = authorized(path, token);
        headers.forEach(request::header);
        if (json == null) {
            return send(request.method(method, HttpRequest.BodyPublishers.noBody()).build());
        }
        return send(request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Sends a file as the body of a PUT, streamed from disk. */
    static Reply putFile(String path, String token, java.nio.file.Path file) {
        try {
            return send(authorized(path, token).header("Content-Type", "application/octet-stream")
                    .PUT(HttpRequest.BodyPublishers.ofFile(file)).build());
        } catch (java.io.FileNotFoundException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GET of any address, not only the portal's; redirects are answered, not followed. */
    static Reply fetch(URI address) {
        return fetch(address, Map.of());
    }

    /** The same with these headers. */
    static Reply fetch(URI address, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(address).GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    /** A form POST (as the old SDKs send signature v1 calls) to an address. */
    static Reply postForm(URI address, String form) {
        return send(HttpRequest.newBuilder(address).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private static HttpRequest.Builder authorized(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(PORTAL + path));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private static Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers().firstValue("Location").orElse(null),
                    response.headers().firstValue("X-Request-Id").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    record Reply(int status, String contentType, String body, String location, String requestId) {

        JsonStructure json() {
            return Json.createReader(new StringReader(body)).read();
        }

        JsonObject object() {
            return json().asJsonObject();
        }

        jakarta.json.JsonArray array() {
            return json().asJsonArray();
        }

        /** The problem type's last segment, e.g. quota-exceeded. */
        String problem() {
            String type = object().getString("type");
            return type.substring(type.lastIndexOf(':') + 1);
        }
    }
}
