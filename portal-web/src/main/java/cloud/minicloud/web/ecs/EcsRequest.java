package cloud.minicloud.web.ecs;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A call to the ECS API as the SDKs send it (ECS-API.md §1): GET or POST to /, the parameters in
 * the query and, from the old SDKs, in a form body too; the action and version in headers (ACS3)
 * or parameters (signature v1).
 */
final class EcsRequest {

    /** No ECS call needs more: RunInstances with every option is a few KiB. */
    private static final int MAX_BODY = 1 << 20;
    /**
     * Nor more parameters: RunInstances with every repeat list full has a few hundred. (The HTTP
     * layer refuses a query with more, so this is for form bodies, which it does not parse.)
     */
    private static final int MAX_PARAMETERS = 1000;

    private final String method;
    private final Map<String, String> headers;
    private final List<Map.Entry<String, String>> query;
    private final byte[] body;
    private final AcsParameters all;

    private EcsRequest(String method, Map<String, String> headers, List<Map.Entry<String, String>> query, byte[] body,
                       List<Map.Entry<String, String>> form) {
        this.method = method;
        this.headers = headers;
        this.query = query;
        this.body = body;
        List<Map.Entry<String, String>> merged = new ArrayList<>(query);
        merged.addAll(form);
        this.all = AcsParameters.of(merged);
    }

    static EcsRequest read(HttpServletRequest request) throws IOException {
        if (!"GET".equals(request.getMethod()) && !"POST".equals(request.getMethod())) {
            throw new EcsFault("InvalidParameter", 400, "The ECS API takes GET and POST, not " + request.getMethod() + ".");
        }
        Map<String, String> headers = new TreeMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), request.getHeader(name));
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            throw new EcsFault("InvalidParameter", 400, "The request body is larger than 1 MiB.");
        }
        String type = request.getContentType();
        List<Map.Entry<String, String>> form = type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")
                ? decode(new String(body, StandardCharsets.UTF_8)) : List.of();
        // A query over 1 MiB or with over 1,000 parameters never gets here: the HTTP layer refuses it with a bare 400.
        List<Map.Entry<String, String>> parameters = decode(request.getQueryString());
        if (parameters.size() + form.size() > MAX_PARAMETERS) {
            throw new EcsFault("InvalidParameter", 400, "The request has more than " + MAX_PARAMETERS + " parameters.");
        }
        return new EcsRequest(request.getMethod(), headers, parameters, body, form);
    }

    /** Form encoding, as the SDKs write it ('+' is a space); the raw text is never used for anything else. */
    private static List<Map.Entry<String, String>> decode(String encoded) {
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        if (encoded == null || encoded.isEmpty()) {
            return parameters;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                parameters.add(Map.entry(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException malformed) {
                throw new EcsFault("InvalidParameter", 400, "A parameter is not percent-encoded correctly.");
            }
        }
        return parameters;
    }

    String method() {
        return method;
    }

    /** A header by its lower-case name, or null. */
    String header(String name) {
        return headers.get(name);
    }

    Map<String, String> headers() {
        return headers;
    }

    /** The query's parameters alone, which is what ACS3 signs. */
    AcsParameters query() {
        return AcsParameters.of(query);
    }

    byte[] body() {
        return body.clone();
    }

    /** The query's and the form body's parameters together. */
    AcsParameters parameters() {
        return all;
    }

    /** Whether the request is signed ACS3-HMAC-SHA256 (in its Authorization header), not with signature v1. */
    boolean acs3() {
        return header("authorization") != null && header("authorization").startsWith("ACS3-");
    }

    /**
     * The action, from where its signature covers it: ACS3 signs the x-acs-action header, signature
     * v1 the Action parameter (the old SDKs send the headers too, which {@link EcsGate} makes sure agree).
     */
    String action() {
        return acs3() ? header("x-acs-action") : all.get("Action");
    }

    String version() {
        return acs3() ? header("x-acs-version") : all.get("Version");
    }

    /** The endpoint as the client named it, for HostId in errors. */
    String host() {
        return header("host") == null ? "" : header("host");
    }
}
