package cloud.minicloud.web.ecs;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Both request signatures against the requests real SDKs sent (ECS-API.md §2, §3, §9). */
class SignaturesTest {

    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String SIGNED = "host;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;"
            + "x-acs-signature-nonce;x-acs-version";
    private static final String ACS3_SIGNATURE = "2fa44eadffce8d89f6d0785fe27337038a9a6c3ef12cc09327774b4603acb4f8";

    /** The headers of the captured DescribeRegions (§9), by lower-case name. */
    private static Map<String, String> describeRegionsHeaders() {
        return new HashMap<>(Map.ofEntries(
                Map.entry("host", "127.0.0.1:18080"),
                Map.entry("x-acs-version", "2014-05-26"),
                Map.entry("x-acs-action", "DescribeRegions"),
                Map.entry("x-acs-date", "2026-11-29T15:29:49Z"),
                Map.entry("x-acs-signature-nonce", "119be373f4dfd5604a3478a3a239193a2e0a7c2cf7d43a023aefa6e4263bc529"),
                Map.entry("accept", "application/json"),
                Map.entry("x-acs-content-sha256", EMPTY_SHA256),
                Map.entry("x-acs-credentials-provider", "static_ak")));
    }

    private static Acs3Authorization authorization(String signature) {
        return Acs3Authorization.parse("ACS3-HMAC-SHA256 Credential=AKTEST,SignedHeaders=" + SIGNED + ",Signature=" + signature);
    }

    @Test
    void acs3_makes_the_canonical_request_and_signature_the_sdk_made() {
        Acs3Authorization authorization = authorization(ACS3_SIGNATURE);
        String canonical = Acs3Signature.canonicalRequest("POST", AcsParameters.of(List.of()), describeRegionsHeaders(),
                authorization, EMPTY_SHA256);

        assertEquals("fb958b5997c614a672882545ebd7481ff96a632b799c89e4171cd4a62ea3a9f2",
                Hmac.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8)));
        assertEquals(ACS3_SIGNATURE, Acs3Signature.sign("SECRET", canonical));
        assertEquals("AKTEST", authorization.accessKeyId());
        assertDoesNotThrow(() -> Acs3Signature.verify("POST", AcsParameters.of(List.of()), describeRegionsHeaders(), new byte[0],
                authorization, "SECRET"));
    }

    @Test
    void acs3_refuses_another_secret_a_changed_header_or_a_body_that_was_not_signed() {
        Acs3Authorization authorization = authorization(ACS3_SIGNATURE);
        AcsParameters none = AcsParameters.of(List.of());

        assertEquals("SignatureDoesNotMatch", assertThrows(EcsFault.class, () ->
                Acs3Signature.verify("POST", none, describeRegionsHeaders(), new byte[0], authorization, "SECRET2")).code());
        Map<String, String> otherAction = describeRegionsHeaders();
        otherAction.put("x-acs-action", "DeleteInstance");
        assertEquals("SignatureDoesNotMatch", assertThrows(EcsFault.class, () ->
                Acs3Signature.verify("POST", none, otherAction, new byte[0], authorization, "SECRET")).code());
        assertEquals("SignatureDoesNotMatch", assertThrows(EcsFault.class, () ->
                Acs3Signature.verify("POST", none, describeRegionsHeaders(), "x".getBytes(StandardCharsets.UTF_8), authorization,
                        "SECRET")).code());
        assertEquals("SignatureDoesNotMatch", assertThrows(EcsFault.class, () ->
                Acs3Signature.verify("POST", AcsParameters.of(Map.of("InstanceId", "i-1").entrySet()), describeRegionsHeaders(),
                        new byte[0], authorization, "SECRET")).code(), "a query parameter that was not signed");
    }

    @Test
    void acs3_refuses_a_malformed_authorization_and_one_that_leaves_a_required_header_unsigned() {
        for (String header : new String[] {null, "", "Bearer abc",
                "ACS3-HMAC-SHA256 Credential=AKTEST, SignedHeaders=" + SIGNED + ", Signature=" + ACS3_SIGNATURE,
                "ACS3-HMAC-SHA256 Credential=AKTEST,SignedHeaders=" + SIGNED + ",Signature=" + ACS3_SIGNATURE.substring(1),
                "ACS3-HMAC-SHA256 Credential=AKTEST,SignedHeaders=" + SIGNED.replace("x-acs-signature-nonce;", "")
                        + ",Signature=" + ACS3_SIGNATURE}) {
            assertEquals("IncompleteSignature", assertThrows(EcsFault.class, () -> Acs3Authorization.parse(header)).code(),
                    String.valueOf(header));
        }
        Map<String, String> withoutNonce = describeRegionsHeaders();
        withoutNonce.remove("x-acs-signature-nonce");
        assertEquals("IncompleteSignature", assertThrows(EcsFault.class, () -> Acs3Signature.verify("POST", AcsParameters.of(List.of()),
                withoutNonce, new byte[0], authorization(ACS3_SIGNATURE), "SECRET")).code(), "a signed header that was not sent");
    }

    /** The captured pop-core GET DescribeInstances (§3, §9), its parameters decoded. */
    private static Map<String, String> describeInstances(String signature) {
        return new HashMap<>(Map.ofEntries(
                Map.entry("Timestamp", "2026-11-29T15:29:57Z"),
                Map.entry("AccessKeyId", "AKTEST"),
                Map.entry("Action", "DescribeInstances"),
                Map.entry("Format", "JSON"),
                Map.entry("PageSize", "10"),
                Map.entry("RegionId", "cn-minicloud"),
                Map.entry("SignatureMethod", "HMAC-SHA1"),
                Map.entry("SignatureNonce", "188164bd69d446fb9e63f96473ef4aa9"),
                Map.entry("SignatureVersion", "1.0"),
                Map.entry("Version", "2014-05-26"),
                Map.entry("Signature", signature)));
    }

    @Test
    void signature_v1_makes_the_string_to_sign_and_signature_the_sdk_made() {
        AcsParameters parameters = AcsParameters.of(describeInstances("TdgsMo3mQjjbMSmpqEFmWGt0tKU=").entrySet());

        String stringToSign = SignatureV1.stringToSign("GET", parameters);
        assertEquals("GET&%2F&AccessKeyId%3DAKTEST%26Action%3DDescribeInstances%26Format%3DJSON%26PageSize%3D10%26RegionId%3D"
                + "cn-minicloud%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D188164bd69d446fb9e63f96473ef4aa9%26"
                + "SignatureVersion%3D1.0%26Timestamp%3D2026-11-29T15%253A29%253A57Z%26Version%3D2014-05-26", stringToSign);
        assertEquals("TdgsMo3mQjjbMSmpqEFmWGt0tKU=", SignatureV1.sign("SECRET", stringToSign));
        assertDoesNotThrow(() -> SignatureV1.verify("GET", parameters, "SECRET"));
    }

    @Test
    void signature_v1_refuses_another_secret_method_or_parameter_and_a_missing_signature() {
        AcsParameters parameters = AcsParameters.of(describeInstances("TdgsMo3mQjjbMSmpqEFmWGt0tKU=").entrySet());
        assertEquals("SignatureDoesNotMatch", assertThrows(EcsFault.class, () -> SignatureV1.verify("GET", parameters, "SECRET2")).code());
        assertEquals("SignatureDoesNotMatch", assertThrows(EcsFault.class, () -> SignatureV1.verify("POST", parameters, "SECRET")).code());
        Map<String, String> bigger = describeInstances("TdgsMo3mQjjbMSmpqEFmWGt0tKU=");
        bigger.put("PageSize", "100");
        assertEquals("SignatureDoesNotMatch", assertThrows(EcsFault.class, () ->
                SignatureV1.verify("GET", AcsParameters.of(bigger.entrySet()), "SECRET")).code());
        Map<String, String> unsigned = describeInstances("");
        assertEquals("MissingParameter", assertThrows(EcsFault.class, () ->
                SignatureV1.verify("GET", AcsParameters.of(unsigned.entrySet()), "SECRET")).code());
        Map<String, String> sha256 = describeInstances("TdgsMo3mQjjbMSmpqEFmWGt0tKU=");
        sha256.put("SignatureMethod", "HMAC-SHA256");
        assertEquals("InvalidParameter", assertThrows(EcsFault.class, () ->
                SignatureV1.verify("GET", AcsParameters.of(sha256.entrySet()), "SECRET")).code());
    }

    @Test
    void names_and_values_are_percent_encoded_as_rfc_3986_says_and_a_repeated_name_is_refused() {
        assertEquals("my%20vm%2A%281%29~-_.%21%27%E4%BA%91", AcsParameters.encode("my vm*(1)~-_.!'云"));
        assertEquals("A=1&B=&DataDisk.1.Size=10", AcsParameters.of(List.of(Map.entry("DataDisk.1.Size", "10"),
                Map.entry("B", ""), Map.entry("A", "1"))).canonical());
        assertEquals("InvalidParameter", assertThrows(EcsFault.class, () -> AcsParameters.of(List.of(Map.entry("InstanceId", "i-1"),
                Map.entry("InstanceId", "i-2")))).code());
    }
}
