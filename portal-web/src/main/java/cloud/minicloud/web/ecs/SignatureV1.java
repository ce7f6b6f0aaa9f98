package cloud.minicloud.web.ecs;

import java.util.Base64;

/**
 * Signature v1 (HMAC-SHA1), as the old SDKs, the Go SDK and the CLI sign (ECS-API.md §3): every
 * parameter, query and form body merged, but Signature; the key is the secret followed by "&".
 */
public final class SignatureV1 {

    private SignatureV1() {
    }

    static String stringToSign(String method, AcsParameters parameters) {
        return method + "&" + AcsParameters.encode("/") + "&" + AcsParameters.encode(parameters.without("Signature").canonical());
    }

    static String sign(String secret, String stringToSign) {
        return Base64.getEncoder().encodeToString(Hmac.mac("HmacSHA1", secret + "&", stringToSign));
    }

    /** Checks the Signature parameter against the secret of the AccessKeyId the request names. */
    public static void verify(String method, AcsParameters parameters, String secret) {
        String presented = parameters.get("Signature");
        if (presented == null || presented.isEmpty()) {
            throw new EcsFault("MissingParameter", 400, "The input parameter Signature that is mandatory for processing this request is not supplied.");
        }
        if (!"HMAC-SHA1".equals(parameters.get("SignatureMethod"))) {
            throw new EcsFault("InvalidParameter", 400, "The specified parameter SignatureMethod is not valid: only HMAC-SHA1 is.");
        }
        if (!Hmac.same(sign(secret, stringToSign(method, parameters)), presented)) {
            throw EcsFault.signatureDoesNotMatch();
        }
    }
}
