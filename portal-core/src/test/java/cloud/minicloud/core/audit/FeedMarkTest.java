package cloud.minicloud.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The feed is read again from its mark's time: what was taken then is not taken twice, what came since is. */
class FeedMarkTest {

    private static final Instant T = Instant.parse("2026-11-30T10:00:00Z");

    private static SignIn at(String id, Instant at) {
        return new SignIn(id, at, "ann", "minicloud-portal", "127.0.0.1", null);
    }

    @Test
    void events_after_the_mark_and_untaken_ones_at_its_time_are_new() {
        FeedMark mark = new FeedMark(T, Set.of("a"));

        assertFalse(mark.isNew(at("a", T)), "taken already");
        assertTrue(mark.isNew(at("b", T)), "came later with the same time");
        assertTrue(mark.isNew(at("c", T.plusMillis(1))));
        assertFalse(mark.isNew(at("d", T.minusMillis(1))), "before the mark");
    }

    @Test
    void the_mark_moves_to_the_newest_taken_and_keeps_the_ids_at_that_time() {
        FeedMark mark = new FeedMark(T, Set.of("a"));

        assertEquals(new FeedMark(T, Set.of("a", "b")), mark.after(List.of(at("b", T))));
        assertEquals(new FeedMark(T.plusMillis(5), Set.of("d", "e")),
                mark.after(List.of(at("c", T.plusMillis(1)), at("d", T.plusMillis(5)), at("e", T.plusMillis(5)))));
        assertEquals(mark, mark.after(List.of()), "nothing new: it stays");
    }
}
