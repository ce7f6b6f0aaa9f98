package cloud.minicloud.core.flavor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.minicloud.core.ConflictException;
import cloud.minicloud.core.InvalidRequestException;
import cloud.minicloud.core.identity.AccessDeniedException;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.testing.TestCloud;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A cloud admin keeping the flavor catalogue: create, reprice, disable, delete, and what is refused. */
class FlavorServiceTest {

    private static final Caller ADMIN = TestCloud.admin();
    private static final Caller ANN = TestCloud.member("ann", "acme");

    private final TestCloud cloud = new TestCloud();
    private final FlavorService flavors = cloud.flavorService;

    @AfterEach
    void close() throws Exception {
        cloud.close();
    }

    private static FlavorSpec spec(String name, int vcpus, long memoryMib, String price) {
        return new FlavorSpec(name, vcpus, memoryMib, new BigDecimal(price), null, null, null);
    }

    @Test
    void a_new_flavor_can_be_ordered_at_once_and_a_disabled_one_not() {
        flavors.create(ADMIN, new FlavorSpec("gpu.large", 8, 16384L, new BigDecimal("1.2500"), 1000, 5000, 200));

        assertTrue(flavors.available(ANN).stream().anyMatch(f -> f.name().equals("gpu.large") && f.bandwidthMbps() == 1000));

        flavors.enable(ADMIN, "gpu.large", false);

        assertFalse(flavors.available(ANN).stream().anyMatch(f -> f.name().equals("gpu.large")));
        assertTrue(flavors.all(ADMIN).stream().anyMatch(f -> f.name().equals("gpu.large") && !f.enabled()));
    }

    @Test
    void sizes_and_prices_out_of_range_are_refused_saying_the_range() {
        assertEquals("vcpus is 1 to 64",
                assertThrows(InvalidRequestException.class, () -> flavors.create(ADMIN, spec("zero", 0, 1024, "0.1"))).getMessage());
        assertTrue(assertThrows(InvalidRequestException.class,
                () -> flavors.create(ADMIN, spec("huge", 4, 1024L * 1024, "0.1"))).getMessage().startsWith("memoryMib is 128 to"));
        assertThrows(InvalidRequestException.class, () -> flavors.create(ADMIN, spec("neg", 1, 1024, "-1")));
        assertThrows(InvalidRequestException.class, () -> flavors.create(ADMIN, spec("<b>x</b>", 1, 1024, "0.1")));
        assertThrows(InvalidRequestException.class, () -> flavors.create(ADMIN,
                new FlavorSpec("capped", 1, 1024L, BigDecimal.ONE, 0, null, null)));
        assertEquals(3, flavors.all(ADMIN).size(), "nothing was added");
    }

    @Test
    void a_name_taken_is_a_conflict() {
        ConflictException taken = assertThrows(ConflictException.class, () -> flavors.create(ADMIN, spec("entry", 1, 1024, "0.1")));

        assertEquals("name-taken", taken.kind());
    }

    @Test
    void a_flavor_an_instance_had_keeps_its_size_and_is_not_deleted_but_its_price_changes() {
        cloud.addNode("n1");
        cloud.startWorkers();
        cloud.runningInstance(ANN);

        ConflictException resized = assertThrows(ConflictException.class, () -> flavors.change(ADMIN, "entry", spec("entry", 2, 1024, "0.02")));
        ConflictException deleted = assertThrows(ConflictException.class, () -> flavors.delete(ADMIN, "entry"));
        FlavorView repriced = flavors.change(ADMIN, "entry", spec("entry", 1, 1024, "0.0300"));

        assertEquals("in-use", resized.kind());
        assertTrue(deleted.getMessage().contains("disable it instead"), deleted.getMessage());
        assertEquals(0, new BigDecimal("0.03").compareTo(repriced.hourlyPrice()));
    }

    @Test
    void a_flavor_nothing_used_is_deleted() {
        flavors.create(ADMIN, spec("short-lived", 1, 512, "0.01"));

        flavors.delete(ADMIN, "short-lived");

        assertTrue(flavors.all(ADMIN).stream().noneMatch(f -> f.name().equals("short-lived")));
    }

    @Test
    void only_a_cloud_admin_keeps_the_catalogue() {
        assertThrows(AccessDeniedException.class, () -> flavors.create(ANN, spec("mine", 1, 1024, "0")));
        assertThrows(AccessDeniedException.class, () -> flavors.enable(ANN, "entry", false));
        assertThrows(AccessDeniedException.class, () -> flavors.all(ANN));
    }
}
