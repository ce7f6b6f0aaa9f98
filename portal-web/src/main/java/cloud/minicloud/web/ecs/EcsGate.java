package cloud.minicloud.web.ecs;

import cloud.minicloud.core.accesskey.AccessKeyService;
import cloud.minicloud.core.accesskey.SigningKey;
import cloud.minicloud.core.TokenBuckets;
import cloud.minicloud.core.audit.AuditWriter;
import cloud.minicloud.core.config.CloudSettings;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.identity.Origin;
import cloud.minicloud.core.identity.Role;
import cloud.minicloud.core.tenant.TenantDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who an ECS API call comes from: the AccessKey it names, its signature made with that key's
 * secret (ACS3-HMAC-SHA256 or v1), a time within {@link #WINDOW} of the server's and a nonce not
 * seen before; then the key's user as Keycloak has them now, acting for the key's tenant. A call
 * refused here is audited against the key's user, up to {@link #REFUSALS} per key (what
 * comes beyond is answered {@code Throttling.User} unaudited: a flood of bad calls cannot flood the
 * log); a key's calls beyond its rate ({@code MINICLOUD_ECS_CALLS_PER_SECOND}) are {@code Throttling.User}.
 */
@ApplicationScoped
public class EcsGate {

    /** How far a request's time may be from the server's, either way (ECS-API.md §4). */
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final java.util.regex.Pattern KEY_ID = java.util.regex.Pattern.compile("[A-Za-z0-9]{1,64}");
    /** How an action is named in the audit log: what the request said, where it looks like an action. */
    private static final java.util.regex.Pattern ACTION = java.util.regex.Pattern.compile("[A-Za-z0-9]{1,64}");
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(EcsGate.class.getName());
    /** How many refused calls against one key are audited: ten, then one a minute. */
    static final TokenBuckets.Rate REFUSALS = new TokenBuckets.Rate(10, 1 / 60.0);

    private final TokenBuckets<String> calls = new TokenBuckets<>();
    private final TokenBuckets<String> refusals = new TokenBuckets<>();

    @Inject
    CloudSettings settings;

    @Inject
    AccessKeyService keys;

    @Inject
    TenantDirectory directory;

    @Inject
    AuditWriter audit;

    Caller authenticate(EcsRequest request, Origin origin) {
        boolean acs3 = request.acs3();
        Acs3Authorization signed = acs3 ? Acs3Authorization.parse(request.header("authorization")) : null;
        String keyId = acs3 ? signed.accessKeyId() : request.parameters().required("AccessKeyId");
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new EcsFault("InvalidAccessKeyId.NotFound", 404, "Specified access key is not found.");
        }
        Optional<SigningKey> found = keys.signingKey(keyId);
        if (found.isEmpty()) {
            // No user's key: the server log has it, the audit log (each user's record) does not.
            LOG.info(() -> "ECS API request " + origin.requestId() + " from " + origin.clientAddress() + " named no AccessKey: " + keyId);
            throw new EcsFault("InvalidAccessKeyId.NotFound", 404, "Specified access key is not found.");
        }
        SigningKey key = found.get();
        Instant now = Instant.now();
        try {
            String time;
            String nonce;
            if (acs3) {
                Acs3Signature.verify(request.method(), request.query(), request.headers(), request.body(), signed, key.secret());
                time = request.header("x-acs-date");
                nonce = request.header("x-acs-signature-nonce");
            } else {
                // The old SDKs send x-acs-action and x-acs-version too, unsigned: they must say what the signed parameters say.
                if (differs(request.header("x-acs-action"), request.parameters().get("Action"))
                        || differs(request.header("x-acs-version"), request.parameters().get("Version"))) {
                    throw new EcsFault("InvalidParameter", 400, "The x-acs-action or x-acs-version header is not the Action or "
                            + "Version parameter, which signature v1 signs.");
                }
                if (!"1.0".equals(request.parameters().get("SignatureVersion"))) {
                    throw new EcsFault("InvalidParameter", 400, "The specified parameter SignatureVersion is not valid: only 1.0 is.");
                }
                SignatureV1.verify(request.method(), request.parameters(), key.secret());
                time = request.parameters().required("Timestamp");
                nonce = request.parameters().required("SignatureNonce");
            }
            // Only its holder learns that a key is disabled: the signature is checked first.
            if (!key.active()) {
                throw new EcsFault("InvalidAccessKeyId.Inactive", 400, "Specified access key is disabled.");
            }
            checkTime(time, now);
            if (nonce == null || nonce.isBlank()) {
                throw new EcsFault("MissingParameter", 400, "The input parameter SignatureNonce that is mandatory for processing this request is not supplied.");
            }
            if (nonce.length() > 128) {
                throw new EcsFault("InvalidParameter", 400, "The parameter SignatureNonce is at most 128 characters.");
            }
            if (!keys.firstUseOfNonce(key.accessKeyId(), nonce, now, WINDOW)) {
                throw new EcsFault("SignatureNonceUsed", 400, "The request signature nonce has been used.");
            }
        } catch (EcsFault fault) {
            // Per key, not per address: the buckets stay as few as the keys, whatever addresses a flood comes from.
            Optional<Duration> flooded = refusals.take(keyId, REFUSALS, now);
            if (flooded.isPresent()) {
                LOG.fine(() -> "ECS API request " + origin.requestId() + " refused unaudited: " + fault.code());
                throw throttled("too many refused calls with this AccessKey", flooded.get());
            }
            throw refused(request, origin, key.username(), key.tenantAlias(), keyId, fault);
        }
        int perSecond = settings.ecs().callsPerSecond();
        calls.take(keyId, new TokenBuckets.Rate(2.0 * perSecond, perSecond), now).ifPresent(wait -> {
            throw throttled("this AccessKey may make " + perSecond + " calls a second", wait);
        });
        return asNow(key, origin, request);
    }

    private static EcsFault throttled(String why, Duration wait) {
        return new EcsFault("Throttling.User", 400, "Request was denied due to user flow control: " + why + "; try again in "
                + wait.toSeconds() + " s.");
    }

    /**
     * The key's user with the roles Keycloak gives them now, acting for the key's tenant; one who
     * left it, holds no role in it any more (or, for a cloud-wide key, is no cloud admin any more),
     * or is gone from Keycloak is refused.
     */
    private Caller asNow(SigningKey key, Origin origin, EcsRequest request) {
        Map<String, Set<Role>> seed = key.tenantAlias() == null ? Map.of() : Map.of(key.tenantAlias(), Set.of());
        Caller now = directory.now(new Caller(key.username(), Set.of(), seed, key.tenantAlias(), origin));
        boolean holds = key.tenantAlias() == null ? now.has(Role.CLOUD_ADMIN)
                : key.tenantAlias().equals(now.tenantAlias()) && now.has(Role.TENANT_USER);
        if (!holds) {
            throw refused(request, origin, key.username(), null, key.accessKeyId(), new EcsFault("Forbidden", 403,
                    key.tenantAlias() == null ? "The AccessKey's user is no longer a cloud admin."
                            : "The AccessKey's user no longer holds a role in the tenant " + key.tenantAlias() + " it acts for."));
        }
        return now;
    }

    private static boolean differs(String header, String parameter) {
        return header != null && !header.equals(parameter);
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
        Map<String, Set<Role>> memberships = tenant == null ? Map.of() : Map.of(tenant, Set.of());
        String action = request.action() != null && ACTION.matcher(request.action()).matches() ? request.action() : "(no action)";
        audit.refused(new Caller(username, Set.of(), memberships, tenant, origin), "EcsApi." + action,
                keyId, fault.code() + ": " + fault.getMessage());
        return fault;
    }
}
