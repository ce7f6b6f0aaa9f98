package cloud.minicloud.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.minicloud.core.ConflictException;
import cloud.minicloud.core.TooManyRequestsException;
import cloud.minicloud.core.config.CloudSettings;
import cloud.minicloud.core.config.NetworkSettings;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.identity.Role;
import cloud.minicloud.core.testing.TestCloud;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Segments and subnets come back when networks go, after a quarantine; nobody can drain the pool fast. */
class NetworkPoolTest {

    private static final Caller ANN = new Caller("ann", "acme", Set.of(Role.TENANT_ADMIN, Role.TENANT_USER));
    private static final Caller BOB = new Caller("bob", "globex", Set.of(Role.TENANT_ADMIN, Role.TENANT_USER));

    private static TestCloud cloud(Duration quarantine, int createsPerMinute) {
        TestCloud cloud = new TestCloud(CloudSettings.defaults().withNetworks(new NetworkSettings(quarantine, createsPerMinute)));
        cloud.networkRepository.useSegmentRange(1000, 1002);
        return cloud;
    }

    @Test
    void ten_thousand_creates_and_deletes_do_not_use_up_a_range_of_three() throws Exception {
        try (TestCloud cloud = cloud(Duration.ZERO, Integer.MAX_VALUE)) {
            for (int i = 0; i < 10_000; i++) {
                cloud.networks.delete(ANN, cloud.networks.create(ANN, "loop").id());
            }

            for (int i = 0; i < 3; i++) {
                NetworkView network = cloud.networks.create(BOB, "net-" + i);
                assertTrue(network.segmentId() >= 1000 && network.segmentId() <= 1002, network.toString());
            }
            ConflictException exhausted = assertThrows(ConflictException.class, () -> cloud.networks.create(BOB, "net-3"));
            assertEquals("pool-exhausted", exhausted.kind());
            assertTrue(exhausted.getMessage().contains("MINICLOUD_SEGMENT_RANGE"), exhausted.getMessage());
            assertEquals(3, cloud.networks.count(BOB), "the refused network left nothing behind");
            assertEquals(3, cloud.quotaService.quotaOf(BOB).used().networks(), "nor took quota");
        }
    }

    @Test
    void a_deleted_networks_segment_and_subnet_rest_before_another_network_gets_them() throws Exception {
        try (TestCloud cloud = cloud(Duration.ofHours(1), 20)) {
            NetworkView first = cloud.networks.create(ANN, "first");
            cloud.networks.delete(ANN, first.id());

            NetworkView second = cloud.networks.create(BOB, "second");
            NetworkView third = cloud.networks.create(BOB, "third");

            assertTrue(second.segmentId() != first.segmentId() && third.segmentId() != first.segmentId());
            assertTrue(!second.cidr().equals(first.cidr()) && !third.cidr().equals(first.cidr()));
            assertEquals("pool-exhausted", assertThrows(ConflictException.class,
                    () -> cloud.networks.create(BOB, "fourth")).kind(), "the only pair left is resting");
        }
    }

    @Test
    void a_tenant_creating_networks_too_fast_is_told_when_to_try_again_and_others_are_not_slowed() throws Exception {
        try (TestCloud cloud = cloud(Duration.ZERO, 3)) {
            java.time.Instant start = java.time.Instant.parse("2026-11-30T12:00:00Z");
            cloud.networkCreations.clock = Clock.fixed(start, java.time.ZoneOffset.UTC);
            for (int i = 0; i < 3; i++) {
                cloud.networks.delete(ANN, cloud.networks.create(ANN, "burst").id());
            }

            TooManyRequestsException refused = assertThrows(TooManyRequestsException.class,
                    () -> cloud.networks.create(ANN, "one more"));
            assertEquals(Duration.ofSeconds(20), refused.retryAfter(), refused.getMessage());
            assertEquals(0, cloud.networks.count(ANN));
            cloud.networks.delete(BOB, cloud.networks.create(BOB, "other tenant").id());

            cloud.networkCreations.clock = Clock.fixed(start.plusSeconds(20), java.time.ZoneOffset.UTC);
            cloud.networks.delete(ANN, cloud.networks.create(ANN, "after a while").id());
        }
    }
}
