package cloud.minicloud.web.ecs;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Authorization header of an ACS3-HMAC-SHA256 request (ECS-API.md §2.1, §2.5):
 * {@code ACS3-HMAC-SHA256 Credential=<AccessKeyId>,SignedHeaders=<h1;h2;…>,Signature=<64 hex>}.
 * The headers that say what the request is and when must all be among those signed.
 */
public record Acs3Authorization(String accessKeyId, List<String> signedHeaders, String signature) {

    private static final Pattern FORM = Pattern.compile(
            "ACS3-HMAC-SHA256 Credential=([A-Za-z0-9._-]{1,128}),SignedHeaders=([a-z0-9-]+(?:;[a-z0-9-]+)*),Signature=([0-9a-f]{64})");
    static final List<String> MUST_BE_SIGNED = List.of(
            "host", "x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256");

    /** Reads the header; one that is missing, malformed or leaves a required header unsigned is an IncompleteSignature. */
    public static Acs3Authorization parse(String header) {
        Matcher parts = FORM.matcher(header == null ? "" : header.strip());
        if (!parts.matches()) {
            throw EcsFault.incompleteSignature("The Authorization header is not ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=….");
        }
        List<String> signed = List.of(parts.group(2).split(";"));
        for (String required : MUST_BE_SIGNED) {
            if (!signed.contains(required)) {
                throw EcsFault.incompleteSignature("The header " + required + " must be signed.");
            }
        }
        return new Acs3Authorization(parts.group(1), signed, parts.group(3));
    }
}
