package cloud.minicloud.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A burst passes, a flood is slowed to the rate, and each key has its own bucket. */
class TokenBucketsTest {

    private static final Instant START = Instant.parse("2026-12-01T12:00:00Z");
    private static final TokenBuckets.Rate FIVE_A_SECOND_BURST_TEN = new TokenBuckets.Rate(10, 5);

    @Test
    void a_burst_passes_then_the_key_is_told_when_to_come_back_and_the_bucket_refills_at_the_rate() {
        TokenBuckets<String> buckets = new TokenBuckets<>();
        for (int i = 0; i < 10; i++) {
            assertEquals(Optional.empty(), buckets.take("key-a", FIVE_A_SECOND_BURST_TEN, START), "take " + i);
        }
        assertEquals(Optional.of(Duration.ofSeconds(1)), buckets.take("key-a", FIVE_A_SECOND_BURST_TEN, START));
        assertEquals(Optional.empty(), buckets.take("key-b", FIVE_A_SECOND_BURST_TEN, START), "another key is not slowed");

        Instant later = START.plusMillis(600); // three takes' worth
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), buckets.take("key-a", FIVE_A_SECOND_BURST_TEN, later), "refilled take " + i);
        }
        assertEquals(Optional.of(Duration.ofSeconds(1)), buckets.take("key-a", FIVE_A_SECOND_BURST_TEN, later));
        for (int i = 0; i < 10; i++) {
            assertEquals(Optional.empty(), buckets.take("key-a", FIVE_A_SECOND_BURST_TEN, START.plusSeconds(60)),
                    "a rested bucket holds a burst again, no more: take " + i);
        }
        assertEquals(Optional.of(Duration.ofSeconds(1)), buckets.take("key-a", FIVE_A_SECOND_BURST_TEN, START.plusSeconds(60)));
    }
}
