package cloud.minicloud.core.accesskey;

import cloud.minicloud.core.ConflictException;
import cloud.minicloud.core.InvalidRequestException;
import cloud.minicloud.core.NotFoundException;
import cloud.minicloud.core.audit.Audited;
import cloud.minicloud.core.config.CloudSettings;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.identity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Each user's AccessKey pairs, for the ECS-compatible API: made, listed, disabled, enabled and
 * deleted by their user; listed and disabled by cloud admins. A user has at most
 * {@link cloud.minicloud.core.config.EcsSettings#activePerUser()} active keys, as on Alibaba
 * Cloud. Another user's key is "not found", as any other tenant's resource is.
 */
@ApplicationScoped
@Transactional
public class AccessKeyService {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Like Alibaba Cloud's (LTAI and 20 more), so scripts that check the shape accept ours. */
    private static final String ID_PREFIX = "MCAK";

    @Inject
    AccessKeyRepository keys;

    @Inject
    CloudSettings settings;

    @Inject
    cloud.minicloud.core.quota.TenantEnrolment enrolment;

    /**
     * Makes a key for the caller, acting for the tenant they act for now (recorded as the cloud's
     * first use of it if it is; refused if a cloud admin deleted it); its secret is shown only here.
     */
    @Audited
    public NewAccessKey create(Caller caller) {
        String tenant = caller.isCloudWide() ? null : enrolment.tenantOf(caller).alias();
        String keyId = ID_PREFIX + random(20);
        String secret = random(30);
        byte[] sealed = seal().seal(keyId, secret);
        // A request of the same user at the same moment may take the slot found free: try the next.
        for (int attempt = 0; attempt < settings.ecs().activePerUser(); attempt++) {
            AccessKey key = new AccessKey(keyId, caller.username(), tenant, freeSlot(caller.username()), sealed,
                    Instant.now().truncatedTo(ChronoUnit.MILLIS));
            if (keys.add(key)) {
                return new NewAccessKey(key.view(), secret);
            }
        }
        throw tooMany(caller.username());
    }

    /** The caller's own keys, newest first, without their secrets. */
    public List<AccessKeyView> mine(Caller caller) {
        return keys.ofUser(caller.username()).stream().map(AccessKey::view).toList();
    }

    /** The key a request names, with its secret to check the request's signature. */
    public java.util.Optional<SigningKey> signingKey(String accessKeyId) {
        return keys.find(accessKeyId).map(key -> new SigningKey(key.keyId(), key.username(), key.tenantAlias(),
                seal().open(key.keyId(), key.sealedSecret()), key.active()));
    }

    /**
     * Whether a request signed with the key comes with a nonce it has not used within the window a
     * request may be signed in (either way of now): a nonce seen before is a replay. The database
     * keeps them, so a restart or a second server forgets none.
     */
    public boolean firstUseOfNonce(String accessKeyId, String nonce, Instant now, java.time.Duration window) {
        boolean first = keys.firstUseOfNonce(accessKeyId, nonce, now, now.minus(window.multipliedBy(2)));
        if (first) {
            keys.used(accessKeyId, now); // the key's last use, which its user and the admins see
        }
        return first;
    }

    /** Every user's keys, newest first, for cloud admins. */
    public List<AccessKeyView> all(Caller caller, int offset, int limit) {
        caller.require(Role.CLOUD_ADMIN);
        return keys.all(offset, limit).stream().map(AccessKey::view).toList();
    }

    public long count(Caller caller) {
        caller.require(Role.CLOUD_ADMIN);
        return keys.count();
    }

    /** Stops the key working at once: its own user's, or any key for a cloud admin. */
    @Audited
    public AccessKeyView disable(Caller caller, String accessKeyId) {
        AccessKey key = visible(caller, accessKeyId, true);
        if (key.active()) {
            keys.setSlot(key.id(), null);
        }
        return keys.find(accessKeyId).orElseThrow().view();
    }

    /** Lets the user's own key work again, within their active keys' limit. */
    @Audited
    public AccessKeyView enable(Caller caller, String accessKeyId) {
        AccessKey key = visible(caller, accessKeyId, false);
        if (!key.active() && !keys.setSlot(key.id(), freeSlot(caller.username()))) {
            throw tooMany(caller.username());
        }
        return keys.find(accessKeyId).orElseThrow().view();
    }

    /** Deletes the user's own key: requests signed with it fail from now on. */
    @Audited
    public void delete(Caller caller, String accessKeyId) {
        keys.remove(visible(caller, accessKeyId, false).id());
    }

    /** The key, if the caller may act on it: their own, or (where admins may) any. */
    private AccessKey visible(Caller caller, String accessKeyId, boolean adminsToo) {
        if (accessKeyId == null || accessKeyId.isBlank()) {
            throw new InvalidRequestException("name the AccessKey by its id (accessKeyId)");
        }
        return keys.find(accessKeyId.strip())
                .filter(key -> key.username().equals(caller.username()) || adminsToo && caller.has(Role.CLOUD_ADMIN))
                .orElseThrow(() -> new NotFoundException("access key", accessKeyId));
    }

    /** The lowest slot none of the user's active keys holds. */
    private int freeSlot(String username) {
        Set<Integer> taken = keys.ofUser(username).stream().filter(AccessKey::active).map(AccessKey::activeSlot)
                .collect(Collectors.toSet());
        return IntStream.rangeClosed(1, settings.ecs().activePerUser()).filter(slot -> !taken.contains(slot))
                .findFirst().orElseThrow(() -> tooMany(username));
    }

    private ConflictException tooMany(String username) {
        return new ConflictException("invalid-state", username + " already has " + settings.ecs().activePerUser()
                + " active AccessKeys; disable or delete one first");
    }

    private SecretSeal seal() {
        String secret = settings.ecs().sealingSecret();
        if (secret == null) {
            throw new IllegalStateException("AccessKeys need the cloud's secret MINICLOUD_ACCESS_KEY_SEAL; "
                    + "deploy/minicloud up sets it");
        }
        return new SecretSeal(secret);
    }

    private static String random(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}
