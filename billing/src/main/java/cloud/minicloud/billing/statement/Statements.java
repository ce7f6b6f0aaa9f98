package cloud.minicloud.billing.statement;

import cloud.minicloud.billing.cost.CostLine;
import cloud.minicloud.billing.cost.CostLines;
import cloud.minicloud.billing.cost.CostReport;
import cloud.minicloud.billing.cost.Costs;
import cloud.minicloud.billing.rating.Rating;
import cloud.minicloud.billing.rating.RatingStore;
import cloud.minicloud.core.InvalidRequestException;
import cloud.minicloud.core.config.BillingSettings;
import cloud.minicloud.core.config.CloudSettings;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.quota.TenantEnrolment;
import cloud.minicloud.core.tenant.Tenant;
import cloud.minicloud.core.tenant.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Monthly statements: a month that ended (an hour ago, so that its last events are in) is closed
 * for each tenant with usage: its rated lines, per resource and unit price, stored once and never
 * changed; usage that arrives later for a closed month is not charged in it. The month under way
 * is an open statement: the costs so far.
 */
@ApplicationScoped
public class Statements {

    /** How long after a month's end its statement waits for the last events to come in. */
    static final Duration GRACE = Duration.ofHours(1);

    @Inject
    TenantEnrolment enrolment;

    @Inject
    TenantRepository tenants;

    @Inject
    Costs costs;

    @Inject
    Rating rating;

    @Inject
    RatingStore ratings;

    @Inject
    StatementStore store;

    @Inject
    CloudSettings settings;

    /** The caller's tenant's statement of a month: closed once the month is over (closing it now if due), open for this one. */
    public Statement of(Caller caller, YearMonth month) {
        Tenant tenant = enrolment.tenantOf(caller);
        Optional<StatementStore.Stored> stored = store.find(tenant.id(), month);
        if (stored.isPresent()) {
            return statement(tenant, stored.get());
        }
        BillingSettings billing = settings.billing();
        YearMonth current = YearMonth.now(billing.zone());
        if (month.isAfter(current)) {
            throw new InvalidRequestException("month " + month + " has not begun; ask for " + current + " or an earlier one");
        }
        YearMonth founded = YearMonth.from(tenant.createdAt().atZone(billing.zone()));
        if (month.isBefore(founded)) {
            throw new InvalidRequestException("tenant " + tenant.alias() + " began in " + founded + "; ask for that month or a later one");
        }
        if (closable(month, Instant.now())) {
            return statement(tenant, close(tenant.id(), month));
        }
        LocalDate today = LocalDate.now(billing.zone());
        CostReport open = costs.of(caller, month.atDay(1), month.equals(current) ? today : month.atEndOfMonth());
        return new Statement(tenant.alias(), tenant.displayName(), month, billing.currency().getCurrencyCode(),
                billing.symbol(), open.lines(), open.total(), null, false);
    }

    /** Closes the tenant's statement of a month (its usage rated to the month's end first); a closed one stays as it is. */
    @Transactional
    public StatementStore.Stored close(long tenantId, YearMonth month) {
        // The watermark's lock first: what is read after it includes whatever a rating run committed before.
        ratings.lockWatermark(tenantId);
        Optional<StatementStore.Stored> existing = store.find(tenantId, month);
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant start = settings.billing().startOf(month);
        Instant end = settings.billing().startOf(month.plusMonths(1));
        rating.rate(tenantId, end);
        // A bill is in cents: each line rounded (half up), the total their sum, so the lines add up to it.
        List<CostLine> lines = CostLines.group(ratings.lines(tenantId, start, end)).stream()
                .map(line -> new CostLine(line.kind(), line.resourceId(), line.resourceName(), line.item(), line.unit(),
                        line.quantity(), line.unitPrice(), line.amount().setScale(2, RoundingMode.HALF_UP)))
                .toList();
        StatementStore.Stored statement = new StatementStore.Stored(month, tenants.find(tenantId).orElseThrow().displayName(),
                settings.billing().currency().getCurrencyCode(), lines, CostLines.total(lines).setScale(2, RoundingMode.HALF_UP),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        store.add(tenantId, statement);
        ratings.closeUntil(tenantId, end);
        return store.find(tenantId, month).orElseThrow();
    }

    /** The months of the tenant's rated usage that ended long enough ago and have no statement yet, oldest first. */
    public List<YearMonth> due(long tenantId, Instant now) {
        Optional<Instant> first = ratings.firstLineSince(tenantId, ratings.closedUntil(tenantId).orElse(Instant.EPOCH));
        if (first.isEmpty()) {
            return List.of();
        }
        YearMonth month = YearMonth.from(first.get().atZone(settings.billing().zone()));
        List<YearMonth> due = new java.util.ArrayList<>();
        for (; closable(month, now); month = month.plusMonths(1)) {
            due.add(month);
        }
        return due;
    }

    private boolean closable(YearMonth month, Instant now) {
        return !settings.billing().startOf(month.plusMonths(1)).plus(GRACE).isAfter(now);
    }

    private Statement statement(Tenant tenant, StatementStore.Stored stored) {
        return new Statement(tenant.alias(), stored.tenantName(), stored.month(), stored.currency(),
                BillingSettings.symbolOf(stored.currency()), stored.lines(), stored.total(), stored.closedAt(), true);
    }
}
