package cloud.minicloud.billing.price;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The price lists in the order they take effect: which one is in force at a moment, and when the next one starts. */
public final class PriceTimeline {

    /** Before the first list: nothing is charged (the cloud's first list starts in 2000). */
    private static final PriceList NONE = new PriceList(0, Instant.EPOCH, Map.of(), BigDecimal.ZERO, BigDecimal.ZERO,
            PriceList.DEFAULT_TERMS, "minicloud", Instant.EPOCH);

    private final List<PriceList> lists;

    public PriceTimeline(List<PriceList> lists) {
        this.lists = lists.stream().sorted(Comparator.comparing(PriceList::effectiveFrom)).toList();
    }

    public PriceList inForce(Instant at) {
        PriceList found = NONE;
        for (PriceList list : lists) {
            if (list.effectiveFrom().isAfter(at)) {
                break;
            }
            found = list;
        }
        return found;
    }

    /** The first moment after {@code at} at which another list takes effect, if any. */
    public Optional<Instant> nextChangeAfter(Instant at) {
        return lists.stream().map(PriceList::effectiveFrom).filter(from -> from.isAfter(at)).findFirst();
    }

    /** A list the timeline holds (or the none-before-the-first one, id 0). */
    public PriceList byId(long id) {
        return lists.stream().filter(l -> l.id() == id).findFirst().orElse(NONE);
    }

    public List<PriceList> lists() {
        return lists;
    }
}
