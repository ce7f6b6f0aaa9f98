package cloud.minicloud.billing.rating;

import cloud.minicloud.billing.price.PriceLists;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Rates a tenant's usage hour by hour up to a moment, from a watermark: the whole hours not rated
 * yet, and again every hour a late event (committed after its hour was rated) falls in. One
 * transaction per tenant, under a lock on its watermark: two runs never interleave, a run that
 * dies midway leaves the lines it found, and a re-run writes the same lines.
 */
@ApplicationScoped
public class Rating {

    @Inject
    RatingStore store;

    @Inject
    PriceLists prices;

    /** Rates the tenant's whole hours before {@code until}; answers how far it is rated now. */
    @Transactional
    public Instant rate(long tenantId, Instant until) {
        Optional<Instant> watermark = store.lockWatermark(tenantId);
        // Hours already rated past `until` are re-rated too when a late event falls before them.
        Instant end = watermark.filter(w -> w.isAfter(until)).orElse(until.truncatedTo(ChronoUnit.HOURS));
        List<Usage> unrated = store.unrated(tenantId).stream().filter(e -> e.occurredAt().isBefore(end)).toList();
        Optional<Instant> late = unrated.stream().map(Usage::occurredAt).min(Comparator.naturalOrder())
                .map(at -> at.truncatedTo(ChronoUnit.HOURS));
        Instant from = earliest(watermark, late).orElse(end);
        // A closed month stays as its statement says: usage that comes in late for it is not charged in it.
        Optional<Instant> closed = store.closedUntil(tenantId);
        if (closed.isPresent() && from.isBefore(closed.get())) {
            from = closed.get();
        }
        if (!from.isBefore(end)) {
            store.setWatermark(tenantId, end);
            store.markRated(unrated, Instant.now().truncatedTo(ChronoUnit.MILLIS));
            return end;
        }
        List<RatedLine> lines = Rater.rate(store.eventsFor(tenantId, from, end), prices.timeline(), from, end);
        store.replace(tenantId, from, end, lines);
        store.markRated(unrated, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        store.setWatermark(tenantId, end);
        return end;
    }

    private static Optional<Instant> earliest(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.filter(x -> x.isBefore(a.get())).or(() -> a);
    }
}
