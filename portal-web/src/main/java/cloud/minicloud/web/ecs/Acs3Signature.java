package cloud.minicloud.web.ecs;

import java.util.HexFormat;
import java.util.Map;

/**
 * ACS3-HMAC-SHA256, as the current SDKs sign (ECS-API.md §2): a canonical request of the method,
 * the path "/", the query's parameters (never the form body's), the signed headers in the order
 * named and the body's SHA-256, hashed and signed with the AccessKey's secret.
 */
public final class Acs3Signature {

    private static final String ALGORITHM = "ACS3-HMAC-SHA256";

    private Acs3Signature() {
    }

    /**
     * @param headers the request's headers by lower-case name
     */
    static String canonicalRequest(String method, AcsParameters query, Map<String, String> headers, Acs3Authorization authorization,
                                   String payloadHash) {
        StringBuilder canonical = new StringBuilder(method).append("\n/\n").append(query.canonical()).append('\n');
        for (String name : authorization.signedHeaders()) {
            String value = headers.get(name);
            if (value == null) {
                throw EcsFault.incompleteSignature("The signed header " + name + " is not in the request.");
            }
            canonical.append(name).append(':').append(value.strip()).append('\n');
        }
        return canonical.append('\n').append(String.join(";", authorization.signedHeaders())).append('\n').append(payloadHash).toString();
    }

    static String sign(String secret, String canonicalRequest) {
        String stringToSign = ALGORITHM + "\n" + Hmac.sha256Hex(canonicalRequest.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(Hmac.mac("HmacSHA256", secret, stringToSign));
    }

    /**
     * Checks the request against the secret of the AccessKey its Authorization names: the body must
     * be the one whose hash was signed, and the signature the one the secret makes.
     */
    public static void verify(String method, AcsParameters query, Map<String, String> headers, byte[] body,
                              Acs3Authorization authorization, String secret) {
        String payloadHash = Hmac.sha256Hex(body);
        if (!payloadHash.equals(headers.get("x-acs-content-sha256"))) {
            throw new EcsFault("SignatureDoesNotMatch", 400, "The body's SHA-256 is not the x-acs-content-sha256 that was signed.");
        }
        String expected = sign(secret, canonicalRequest(method, query, headers, authorization, payloadHash));
        if (!Hmac.same(expected, authorization.signature())) {
            throw EcsFault.signatureDoesNotMatch();
        }
    }
}
