package cloud.minicloud.core.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.minicloud.core.InvalidRequestException;
import org.junit.jupiter.api.Test;

class QuotaTest {

    private final Quota quota = new Quota(1, new ResourceAmounts(2, 4, 4096, 100, 1, 0, 0));

    @Test
    void a_reservation_within_every_limit_is_counted_as_used() {
        quota.reserve(new ResourceAmounts(1, 2, 2048, 40, 0, 0, 0));
        quota.reserve(new ResourceAmounts(1, 2, 2048, 40, 1, 0, 0));

        assertEquals(new ResourceAmounts(2, 4, 4096, 80, 1, 0, 0), quota.used());
    }

    @Test
    void a_reservation_over_the_vcpu_limit_is_refused_naming_vcpus_and_the_excess() {
        quota.reserve(new ResourceAmounts(1, 3, 1024, 10, 0, 0, 0));

        QuotaExceededException refusal = assertThrows(QuotaExceededException.class,
                () -> quota.reserve(new ResourceAmounts(1, 2, 1024, 10, 0, 0, 0)));

        assertEquals(ResourceKind.VCPUS, refusal.kind());
        assertTrue(refusal.getMessage().contains("1 over the limit"), refusal.getMessage());
        assertEquals(new ResourceAmounts(1, 3, 1024, 10, 0, 0, 0), quota.used(), "a refusal takes nothing");
    }

    @Test
    void a_release_gives_back_exactly_what_was_reserved() {
        ResourceAmounts order = new ResourceAmounts(1, 2, 2048, 40, 0, 0, 0);
        quota.reserve(order);
        quota.release(order);

        assertEquals(ResourceAmounts.NONE, quota.used());
    }

    @Test
    void limits_below_current_use_refuse_new_orders_but_take_nothing_away() {
        quota.reserve(new ResourceAmounts(2, 2, 1024, 10, 0, 0, 0));
        quota.changeLimits(new ResourceAmounts(1, 4, 4096, 100, 1, 0, 0));

        assertEquals(2, quota.used().instances());
        assertThrows(QuotaExceededException.class, () -> quota.reserve(new ResourceAmounts(1, 1, 512, 1, 0, 0, 0)));
    }

    @Test
    void negative_amounts_are_an_invalid_request() {
        assertThrows(InvalidRequestException.class, () -> new ResourceAmounts(1, -1, 0, 0, 0, 0, 0));
    }

    @Test
    void a_limit_below_current_use_is_taken_and_new_orders_are_refused_until_use_falls() {
        quota.reserve(new ResourceAmounts(2, 2, 1024, 10, 0, 0, 0));

        quota.changeLimits(new ResourceAmounts(1, 4, 4096, 100, 1, 0, 0));

        assertEquals(2, quota.used().instances(), "nothing is taken away");
        assertThrows(QuotaExceededException.class, () -> quota.reserve(new ResourceAmounts(1, 1, 512, 1, 0, 0, 0)));
    }

    @Test
    void a_limit_past_what_the_cloud_takes_is_refused_with_the_largest_it_takes() {
        InvalidRequestException refusal = assertThrows(InvalidRequestException.class,
                () -> quota.changeLimits(new ResourceAmounts(1_000_000_000_000L, 4, 4096, 100, 1, 0, 0)));

        assertTrue(refusal.getMessage().contains("largest this cloud takes (10000 instances)"), refusal.getMessage());
        assertEquals(2, quota.limits().instances(), "a refused change changes nothing");
    }
}
