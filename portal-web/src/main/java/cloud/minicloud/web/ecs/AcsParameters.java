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

    /** These parameters without one of them (signature v1 signs all but its Signature). */
    AcsParameters without(String name) {
        SortedMap<String, String> rest = new TreeMap<>(values);
        rest.remove(name);
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
