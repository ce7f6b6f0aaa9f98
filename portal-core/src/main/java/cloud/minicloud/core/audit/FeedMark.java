package cloud.minicloud.core.audit;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How far the audit log has read a feed of outside events: the time of the newest event taken and
 * the ids of those taken at that very time (more may come with the same time, and the feed is read
 * again from it), so every event is taken once.
 */
public record FeedMark(Instant readTo, Set<String> takenAtReadTo) {

    /** Before any event (and within what a database timestamp holds). */
    public static final FeedMark START = new FeedMark(Instant.parse("2000-01-01T00:00:00Z"), Set.of());

    public FeedMark {
        takenAtReadTo = Set.copyOf(takenAtReadTo);
    }

    public boolean isNew(SignIn event) {
        return event.at().isAfter(readTo) || event.at().equals(readTo) && !takenAtReadTo.contains(event.id());
    }

    /** The mark once {@code taken} (new events, oldest first) are in the log too. */
    public FeedMark after(List<SignIn> taken) {
        Instant newest = taken.stream().map(SignIn::at).max(Instant::compareTo).orElse(readTo);
        if (newest.isBefore(readTo)) {
            newest = readTo;
        }
        Set<String> ids = new HashSet<>(newest.equals(readTo) ? takenAtReadTo : Set.of());
        Instant at = newest;
        taken.stream().filter(e -> e.at().equals(at)).map(SignIn::id).forEach(ids::add);
        return new FeedMark(newest, ids);
    }
}
