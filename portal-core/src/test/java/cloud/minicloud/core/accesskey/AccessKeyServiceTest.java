package cloud.minicloud.core.accesskey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.minicloud.core.ConflictException;
import cloud.minicloud.core.NotFoundException;
import cloud.minicloud.core.identity.AccessDeniedException;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.identity.Role;
import cloud.minicloud.core.identity.TenantChoiceRequiredException;
import cloud.minicloud.core.testing.TestCloud;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Users keeping their own AccessKey pairs, as on Alibaba Cloud: two active at most, the secret shown once, kept sealed. */
class AccessKeyServiceTest {

    private static final Caller ANN = TestCloud.member("ann", "acme");
    private static final Caller BOB = TestCloud.member("bob", "globex");
    private static final Caller ADMIN = TestCloud.admin();

    private final TestCloud cloud = new TestCloud();
    private final AccessKeyService keys = cloud.accessKeys;

    @AfterEach
    void close() throws Exception {
        cloud.close();
    }

    @Test
    void a_new_key_acts_for_its_user_in_their_tenant_and_its_secret_is_kept_only_sealed() {
        NewAccessKey made = keys.create(ANN);

        assertTrue(made.key().accessKeyId().matches("MCAK[A-Za-z0-9]{20}"), made.key().accessKeyId());
        assertTrue(made.accessKeySecret().matches("[A-Za-z0-9]{30}"), "a secret as long as Alibaba Cloud's");
        assertEquals(new SigningKey(made.key().accessKeyId(), "ann", "acme", made.accessKeySecret(), true),
                keys.signingKey(made.key().accessKeyId()).orElseThrow());
        byte[] stored = cloud.accessKeyRepository.stored(made.key().accessKeyId());
        assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains(made.accessKeySecret()), "sealed, not kept as it is");
        assertEquals(List.of(made.key()), keys.mine(ANN));
        assertFalse(made.key().toString().contains(made.accessKeySecret()), "a listed key never carries its secret");
    }

    @Test
    void a_key_for_a_tenant_records_the_tenant_and_none_is_made_for_a_deleted_one() {
        assertTrue(cloud.tenants.findByAlias("acme").isEmpty());
        keys.create(ANN);
        assertTrue(cloud.tenants.findByAlias("acme").isPresent(), "the tenant a key acts for is known to the cloud from then on");

        cloud.tenantAdministration.delete(ADMIN, "acme");
        assertThrows(cloud.minicloud.core.identity.AccessDeniedException.class, () -> keys.create(ANN));
    }

    @Test
    void a_third_active_key_is_refused_until_one_is_disabled_or_deleted() {
        NewAccessKey first = keys.create(ANN);
        NewAccessKey second = keys.create(ANN);

        ConflictException refused = assertThrows(ConflictException.class, () -> keys.create(ANN));
        assertEquals("ann already has 2 active AccessKeys; disable or delete one first", refused.getMessage());
        assertEquals(2, keys.mine(ANN).size(), "nothing was added");

        keys.disable(ANN, first.key().accessKeyId());
        NewAccessKey third = keys.create(ANN);
        assertThrows(ConflictException.class, () -> keys.enable(ANN, first.key().accessKeyId()),
                "enabling would make a third active key");

        keys.delete(ANN, second.key().accessKeyId());
        assertEquals(AccessKeyView.ACTIVE, keys.enable(ANN, first.key().accessKeyId()).status());
        assertEquals(List.of(third.key().accessKeyId(), first.key().accessKeyId()),
                keys.mine(ANN).stream().map(AccessKeyView::accessKeyId).toList(), "newest first");
    }

    @Test
    void a_disabled_or_deleted_key_signs_nothing() {
        String id = keys.create(ANN).key().accessKeyId();

        assertEquals(AccessKeyView.DISABLED, keys.disable(ANN, id).status());
        assertFalse(keys.signingKey(id).orElseThrow().active(), "known, so that its use is audited against ann");

        keys.enable(ANN, id);
        assertTrue(keys.signingKey(id).orElseThrow().active());
        keys.delete(ANN, id);
        assertTrue(keys.signingKey(id).isEmpty());
        assertEquals(List.of(), keys.mine(ANN));
    }

    @Test
    void another_users_key_is_not_found_and_only_a_cloud_admin_may_disable_it() {
        String annsKey = keys.create(ANN).key().accessKeyId();

        assertThrows(NotFoundException.class, () -> keys.disable(BOB, annsKey));
        assertThrows(NotFoundException.class, () -> keys.enable(BOB, annsKey));
        assertThrows(NotFoundException.class, () -> keys.delete(BOB, annsKey));
        assertEquals(List.of(), keys.mine(BOB));
        assertThrows(AccessDeniedException.class, () -> keys.all(BOB, 0, 10));

        assertEquals(List.of(annsKey), keys.all(ADMIN, 0, 10).stream().map(AccessKeyView::accessKeyId).toList());
        assertEquals(AccessKeyView.DISABLED, keys.disable(ADMIN, annsKey).status());
        assertThrows(NotFoundException.class, () -> keys.enable(ADMIN, annsKey), "enabling is its user's call");
        assertThrows(NotFoundException.class, () -> keys.delete(ADMIN, annsKey));
    }

    @Test
    void a_cloud_admins_key_acts_cloud_wide_and_a_member_of_several_tenants_must_choose_one() {
        assertEquals(null, keys.signingKey(keys.create(ADMIN).key().accessKeyId()).orElseThrow().tenantAlias());

        Caller both = new Caller("cara", Set.of(), Map.of(
                "acme", Set.of(Role.TENANT_USER),
                "globex", Set.of(Role.TENANT_USER)), null, null);
        assertThrows(TenantChoiceRequiredException.class, () -> keys.create(both));
        assertEquals("globex", keys.signingKey(keys.create(both.actingFor("globex")).key().accessKeyId())
                .orElseThrow().tenantAlias());
    }

    @Test
    void a_nonce_is_refused_the_second_time_within_the_window_and_forgotten_after_it() {
        String id = keys.create(ANN).key().accessKeyId();
        java.time.Instant now = java.time.Instant.now();
        java.time.Duration window = java.time.Duration.ofMinutes(15);

        assertNull(keys.mine(ANN).get(0).lastUsedAt(), "never used yet");
        assertTrue(keys.firstUseOfNonce(id, "n-1", now, window));
        assertFalse(keys.firstUseOfNonce(id, "n-1", now.plusSeconds(60), window), "a replay");
        assertEquals(now, keys.mine(ANN).stream().filter(k -> k.accessKeyId().equals(id)).findFirst().orElseThrow().lastUsedAt(),
                "a request that passed is the key's last use; a replay is not");
        assertTrue(keys.firstUseOfNonce(keys.create(ANN).key().accessKeyId(), "n-1", now, window), "another key's nonce");
        assertTrue(keys.firstUseOfNonce(id, "n-1", now.plus(window.multipliedBy(2)).plusSeconds(1), window),
                "no request signed then could still be accepted");
    }

    @Test
    void a_secret_sealed_for_one_key_does_not_open_as_another_nor_under_another_clouds_seal() {
        SecretSeal seal = new SecretSeal("one cloud");
        byte[] sealed = seal.seal("MCAKfirst", "the-secret");

        assertEquals("the-secret", seal.open("MCAKfirst", sealed));
        assertThrows(IllegalStateException.class, () -> seal.open("MCAKsecond", sealed));
        assertThrows(IllegalStateException.class, () -> new SecretSeal("another cloud").open("MCAKfirst", sealed));
        assertNotEquals(Arrays.toString(sealed), Arrays.toString(seal.seal("MCAKfirst", "the-secret")),
                "a fresh nonce each time");
    }
}
