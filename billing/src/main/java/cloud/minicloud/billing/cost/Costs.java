package cloud.minicloud.billing.cost;

import cloud.minicloud.billing.price.PriceLists;
import cloud.minicloud.billing.rating.RatedLine;
import cloud.minicloud.billing.rating.Rater;
import cloud.minicloud.billing.rating.Rating;
import cloud.minicloud.billing.rating.RatingStore;
import cloud.minicloud.core.InvalidRequestException;
import cloud.minicloud.core.config.CloudSettings;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.quota.TenantEnrolment;
import cloud.minicloud.core.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The caller's tenant's costs over a span of days (in the cloud's billing time zone): the hours
 * rated so far, brought up to date first, plus the hour under way rated on the fly. Only ever the
 * caller's own tenant.
 */
@ApplicationScoped
public class Costs {

    /** The longest span one report covers. */
    static final int MAX_DAYS = 366;

    @Inject
    TenantEnrolment enrolment;

    @Inject
    Rating rating;

    @Inject
    RatingStore store;

    @Inject
    PriceLists prices;

    @Inject
    CloudSettings settings;

    public CostReport of(Caller caller, LocalDate from, LocalDate to) {
        Tenant tenant = enrolment.tenantOf(caller);
        if (to.isBefore(from)) {
            throw new InvalidRequestException("to (" + to + ") is before from (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new InvalidRequestException("a cost report covers at most " + MAX_DAYS + " days; ask for a shorter span");
        }
        Instant start = settings.billing().startOf(from);
        Instant end = settings.billing().startOf(to.plusDays(1));
        Instant now = Instant.now();
        Instant rated = rating.rate(tenant.id(), now);
        List<RatedLine> lines = new ArrayList<>(store.lines(tenant.id(), start, end));
        if (end.isAfter(rated) && now.isAfter(rated) && start.isBefore(now)) {
            Instant tailStart = rated.isAfter(start) ? rated : start;
            Instant tailEnd = end.isBefore(now) ? end : now;
            lines.addAll(Rater.rate(store.eventsFor(tenant.id(), tailStart, tailEnd), prices.timeline(), tailStart, tailEnd));
        }
        List<CostLine> costLines = CostLines.group(lines);
        BigDecimal total = CostLines.total(costLines);
        return new CostReport(tenant.alias(), settings.billing().currency().getCurrencyCode(), settings.billing().symbol(),
                from, to, costLines, days(lines, from, to), total);
    }

    /** Every day of the span with what it cost (zero for a day without usage), in the billing zone. */
    private List<CostReport.DayCost> days(List<RatedLine> lines, LocalDate from, LocalDate to) {
        Map<LocalDate, BigDecimal> amounts = new java.util.TreeMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            amounts.put(day, BigDecimal.ZERO.setScale(6));
        }
        for (RatedLine line : lines) {
            amounts.computeIfPresent(LocalDate.ofInstant(line.hourStart(), settings.billing().zone()),
                    (day, sum) -> sum.add(line.amount()));
        }
        return amounts.entrySet().stream().map(e -> new CostReport.DayCost(e.getKey(), e.getValue())).toList();
    }
}
