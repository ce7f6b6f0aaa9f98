package cloud.minicloud.web.ecs;

import cloud.minicloud.core.accesskey.AccessKeyService;
import cloud.minicloud.core.accesskey.SigningKey;
import cloud.minicloud.core.audit.AuditWriter;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.identity.Origin;
import cloud.minicloud.core.tenant.TenantDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/**
 * Who an ECS API call comes from: the AccessKey it names, its signature made with that key's
 * secret (ACS3-HMAC-SHA256 or v1), a time within {@link #WINDOW} of the server's and a nonce not
 * seen before; then the key's user as Keycloak has them now, acting for the key's tenant. A call
 * refused here is audited against the key's user.
 */
@ApplicationScoped
public class EcsGate {

    /** How far a request's time may be from the server's, either way (ECS-API.md §4). */
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final String UNKNOWN = "(unknown AccessKey)";

    @Inject
    AccessKeyService keys;

    @Inject
    TenantDirectory directory;

    @Inject
    AuditWriter audit;

    Caller authenticate(EcsRequest request, Origin origin) {
        String authorization = request.header("authorization");
        boolean acs3 = authorization != null && authorization.startsWith("ACS3-");
        Acs3Authorization signed = acs3 ? Acs3Authorization.parse(authorization) : null;
        String keyId = acs3 ? signed.accessKeyId() : request.parameters().required("AccessKeyId");
        SigningKey key = keys.signingKey(keyId).orElseThrow(() -> refused(request, origin, UNKNOWN, null, keyId,
                new EcsFault("InvalidAccessKeyId.NotFound", 404, "Specified access key is not found.")));
        try {
            if (!key.active()) {
                throw new EcsFault("InvalidAccessKeyId.Inactive", 400, "Specified access key is disabled.");
            }
            String time;
            String nonce;
            if (acs3) {
                Acs3Signature.verify(request.method(), request.query(), request.headers(), request.body(), signed, key.secret());
                time = request.header("x-acs-date");
                nonce = request.header("x-acs-signature-nonce");
            } else {
                if (!"1.0".equals(request.parameters().get("SignatureVersion"))) {
                    throw new EcsFault("InvalidParameter", 400, "The specified parameter SignatureVersion is not valid: only 1.0 is.");
                }
                SignatureV1.verify(request.method(), request.parameters(), key.secret());
                time = request.parameters().required("Timestamp");
                nonce = request.parameters().required("SignatureNonce");
            }
            Instant now = Instant.now();
            checkTime(time, now);
            if (nonce == null || nonce.isBlank() || nonce.length() > 128) {
                throw new EcsFault("MissingParameter", 400, "The input parameter SignatureNonce that is mandatory for processing this request is not supplied.");
            }
            if (!keys.firstUseOfNonce(key.accessKeyId(), nonce, now, WINDOW)) {
                throw new EcsFault("SignatureNonceUsed", 400, "The request signature nonce has been used.");
            }
        } catch (EcsFault fault) {
            throw refused(request, origin, key.username(), key.tenantAlias(), keyId, fault);
        }
        return asNow(key, origin, request);
    }

    /** The key's user with the roles Keycloak gives them now, in the key's tenant while they are still in it. */
    private Caller asNow(SigningKey key, Origin origin, EcsRequest request) {
        Map<String, Set<cloud.minicloud.core.identity.Role>> seed = key.tenantAlias() == null ? Map.of() : Map.of(key.tenantAlias(), Set.of());
        Caller now = directory.now(new Caller(key.username(), Set.of(), seed, key.tenantAlias(), origin));
        if (key.tenantAlias() != null && now.tenantAlias() == null) {
            throw refused(request, origin, key.username(), null, key.accessKeyId(), new EcsFault("Forbidden", 403,
                    "The AccessKey's user is no longer a member of the tenant " + key.tenantAlias() + " it acts for."));
        }
        return now;
    }

    private static void checkTime(String time, Instant now) {
        Instant at;
        try {
            at = Instant.parse(time);
        } catch (DateTimeParseException | NullPointerException malformed) {
            throw new EcsFault("InvalidTimeStamp.Format", 400, "The specified time stamp is not yyyy-MM-ddTHH:mm:ssZ in UTC.");
        }
        if (Duration.between(at, now).abs().compareTo(WINDOW) > 0) {
            throw new EcsFault("InvalidTimeStamp.Expired", 400, "The specified time stamp is more than 15 minutes from the server's time ("
                    + now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ").");
        }
    }


    /** Audits the refusal against the key's user (or an unknown one) and hands the fault back to throw. */
    private EcsFault refused(EcsRequest request, Origin origin, String username, String tenant, String keyId, EcsFault fault) {
        Map<String, Set<cloud.minicloud.core.identity.Role>> memberships = tenant == null ? Map.of() : Map.of(tenant, Set.of());
        audit.refused(new Caller(username, Set.of(), memberships, tenant, origin), "EcsApi." + String.valueOf(request.action()),
                keyId, fault.code() + ": " + fault.getMessage());
        return fault;
    }
}
