package cloud.minicloud.web.ecs;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Request parameters as both signatures canonicalise them: each name once (a name sent twice is
 * refused: which value was signed could not be told), sorted by name in code-unit order, written
 * {@code enc(name)=enc(value)} and joined with {@code &}.
 */
public final class AcsParameters {

    /** The last PageNumber asked for: far past any list, and offsets stay well within an int. */
    static final int MAX_PAGE = 100_000;
    private static final java.util.Set<String> PROTOCOL = java.util.Set.of("AccessKeyId", "Signature", "SignatureMethod",
            "SignatureVersion", "SignatureNonce", "SignatureType", "Timestamp", "Format", "Action", "Version", "ClientToken");

    private final SortedMap<String, String> values;

    private AcsParameters(SortedMap<String, String> values) {
        this.values = values;
    }

    /** The decoded parameters, in any order; a repeated name is an {@code InvalidParameter}. */
    public static AcsParameters of(Iterable<Map.Entry<String, String>> decoded) {
        SortedMap<String, String> values = new TreeMap<>();
        for (Map.Entry<String, String> parameter : decoded) {
            if (values.putIfAbsent(parameter.getKey(), parameter.getValue()) != null) {
                throw new EcsFault("InvalidParameter", 400, "The parameter " + parameter.getKey() + " is given more than once.");
            }
        }
        return new AcsParameters(values);
    }

    public String get(String name) {
        return values.get(name);
    }

    /** A parameter the action needs: MissingParameter, naming it, when it is absent or empty. */
    String required(String name) {
        String value = get(name);
        if (value == null || value.isEmpty()) {
            throw new EcsFault("MissingParameter", 400, "The input parameter " + name
                    + " that is mandatory for processing this request is not supplied.");
        }
        return value;
    }

    /** A whole-number parameter. */
    int number(String name) {
        try {
            return Integer.parseInt(get(name).strip());
        } catch (NumberFormatException notANumber) {
            throw new EcsFault("InvalidParameter", 400, "The parameter " + name + " is a whole number.");
        }
    }

    /** PageNumber or PageSize: the fallback when absent, else 1 to {@code most}. */
    int page(String name, int fallback, int most) {
        if (get(name) == null) {
            return fallback;
        }
        int value = number(name);
        if (value < 1 || value > most) {
            throw new EcsFault("InvalidParameter", 400, "The parameter " + name + " is 1 to " + most + ".");
        }
        return value;
    }

    /**
     * A repeat list as the SDKs flatten it: {@code Name.1<suffix>}, {@code Name.2<suffix>}, … (e.g.
     * InstanceTypes.1, DataDisk.1.Size), up to the most the action takes.
     */
    java.util.List<String> repeated(String name, int most, String suffix) {
        java.util.List<String> values = new java.util.ArrayList<>();
        for (int n = 1; get(name + "." + n + suffix) != null; n++) {
            if (n > most) {
                throw new EcsFault("InvalidParameter", 400, "The parameter " + name + " takes at most " + most + " values.");
            }
            values.add(get(name + "." + n + suffix));
        }
        return values;
    }

    /** A parameter that holds a JSON array of strings (InstanceIds, KeyPairNames), of at most {@code most}. */
    static java.util.List<String> jsonList(String json, String name, int most) {
        try {
            java.util.List<String> values = new java.util.ArrayList<>();
            for (jakarta.json.JsonValue value : jakarta.json.Json.createReader(new java.io.StringReader(json)).readArray()) {
                values.add(((jakarta.json.JsonString) value).getString());
            }
            if (values.size() > most) {
                throw new EcsFault("InvalidParameter", 400, "The parameter " + name + " takes at most " + most + " values.");
            }
            return values;
        } catch (jakarta.json.JsonException | ClassCastException malformed) {
            throw new EcsFault("InvalidParameter", 400, "The parameter " + name + " is a JSON array of strings, like [\"a\",\"b\"].");
        }
    }

    /** These parameters without one of them (signature v1 signs all but its Signature). */
    AcsParameters without(String name) {
        SortedMap<String, String> rest = new TreeMap<>(values);
        rest.remove(name);
        return new AcsParameters(rest);
    }

    /**
     * What a request asks, without how it was sent: the signature's parameters, the format, the
     * action and version and the ClientToken (a retry sends new ones of the first kinds).
     */
    AcsParameters withoutProtocol() {
        SortedMap<String, String> rest = new TreeMap<>(values);
        rest.keySet().removeAll(PROTOCOL);
        return new AcsParameters(rest);
    }

    String canonical() {
        return values.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue() == null ? "" : e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** RFC 3986 percent-encoding of the UTF-8 bytes: only {@code A-Za-z0-9-_.~} stay as they are. */
    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }
}
