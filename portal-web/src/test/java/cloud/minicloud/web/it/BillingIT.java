package cloud.minicloud.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.minicloud.billing.cost.BudgetStatus;
import cloud.minicloud.billing.cost.Budgets;
import cloud.minicloud.billing.cost.CostReport;
import cloud.minicloud.billing.cost.Costs;
import cloud.minicloud.billing.price.PriceList;
import cloud.minicloud.billing.price.PriceListSpec;
import cloud.minicloud.billing.price.PriceLists;
import cloud.minicloud.billing.price.SubscriptionTerms;
import cloud.minicloud.billing.rating.RatedLine;
import cloud.minicloud.billing.rating.Rating;
import cloud.minicloud.billing.rating.RatingStore;
import cloud.minicloud.billing.statement.Statement;
import cloud.minicloud.billing.statement.StatementPdf;
import cloud.minicloud.billing.statement.StatementStore;
import cloud.minicloud.billing.statement.Statements;
import cloud.minicloud.core.InvalidRequestException;
import cloud.minicloud.core.config.CloudSettings;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.identity.Role;
import cloud.minicloud.core.quota.TenantEnrolment;
import cloud.minicloud.core.usage.UsageKind;
import cloud.minicloud.core.usage.UsageMeter;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A month of one tenant's usage, in the year 2031 so that the test owns the clock (usage is written
 * with the times it happened at; rating is run up to chosen moments) and a price change it makes in
 * the middle of the month is in the future for the real cloud: launch, stop, resize, start, delete,
 * a second instance running over the month's end, an event that arrives late, a rating run that
 * dies before it commits, and January's statement closed (then not changed by usage reported late).
 * Every amount is worked out here from hours × prices, not by the rater.
 */
@ExtendWith(ArquillianExtension.class)
class BillingIT {

    private static final Caller ADMIN = new Caller("admin", null, Set.of(Role.CLOUD_ADMIN));
    private static final Instant JANUARY = Instant.parse("2031-01-01T00:00:00Z");
    private static final Instant FEBRUARY = Instant.parse("2031-02-01T00:00:00Z");
    private static final Instant MARCH = Instant.parse("2031-03-01T00:00:00Z");
    private static final Instant PRICE_CHANGE = Instant.parse("2031-01-15T00:30:00Z");

    @Deployment
    static WebArchive deployment() {
        return CoreDeployment.war("billing-it.war");
    }

    @Inject
    UsageMeter meter;

    @Inject
    Rating rating;

    @Inject
    RatingStore store;

    @Inject
    PriceLists prices;

    @Inject
    Costs costs;

    @Inject
    TenantEnrolment enrolment;

    @Inject
    UserTransaction transaction;

    @Inject
    Statements statements;

    @Inject
    Budgets budgets;

    @Inject
    CloudSettings settings;

    @Test
    void a_month_of_usage_is_rated_to_the_amounts_hours_times_prices_give_even_after_a_crash_and_a_late_event()
            throws Exception {
        Caller ann = new Caller("ann", "it-" + UUID.randomUUID().toString().substring(0, 8), Set.of(Role.TENANT_USER));
        long tenant = enrolment.tenantOf(ann).id();
        PriceList old = prices.timeline().inForce(Instant.now());
        Map<String, BigDecimal> newFlavors = new HashMap<>(prices.draft());
        newFlavors.put("entry", new BigDecimal("0.05"));
        newFlavors.put("general", new BigDecimal("0.11"));
        PriceList changed = prices.create(ADMIN, new PriceListSpec(PRICE_CHANGE.toString(), newFlavors,
                new BigDecimal("0.001"), new BigDecimal("0.0003"), new SubscriptionTerms(new BigDecimal("10"),
                new BigDecimal("20.5"), 5, 10)));
        try {
            usage(tenant, "vm-1", "web", List.of(
                    new Use(UsageKind.DISK, null, 20, true, "2031-01-01T09:45:00Z"),
                    new Use(UsageKind.COMPUTE, "entry", 0, true, "2031-01-01T10:00:00Z"),
                    new Use(UsageKind.COMPUTE, "entry", 0, false, "2031-01-10T12:30:00Z"),
                    new Use(UsageKind.COMPUTE, "general", 0, true, "2031-01-10T12:45:00Z"),
                    new Use(UsageKind.COMPUTE, "general", 0, false, "2031-01-20T08:15:00Z"),
                    new Use(UsageKind.DISK, null, 20, false, "2031-01-20T08:30:00Z")));
            usage(tenant, "vm-2", "db", List.of(
                    new Use(UsageKind.DISK, null, 40, true, "2031-01-31T23:00:00Z"),
                    new Use(UsageKind.COMPUTE, "entry", 0, true, "2031-01-31T23:00:00Z")));
            // vm-4 is a subscription: a month bought when it first ran, a year more bought after the price change.
            subscription(tenant, "vm-4", "sub", "entry", 30, 1, "2031-01-05T08:20:00Z");
            subscription(tenant, "vm-4", "sub", "entry", 30, 12, "2031-01-20T10:00:00Z");

            rating.rate(tenant, FEBRUARY);

            BigDecimal entryOld = old.flavor("entry");
            BigDecimal generalOld = old.flavor("general");
            Map<String, BigDecimal> expected = new HashMap<>();
            expected.put("vm-1 COMPUTE entry " + old.id(), hours("218.5").multiply(entryOld));
            expected.put("vm-1 COMPUTE general " + old.id(), hours("107.75").multiply(generalOld));
            expected.put("vm-1 COMPUTE general " + changed.id(), hours("127.75").multiply(new BigDecimal("0.11")));
            expected.put("vm-1 DISK  " + old.id(), hours("326.75").multiply(BigDecimal.valueOf(20)).multiply(old.diskGibHour()));
            expected.put("vm-1 DISK  " + changed.id(), hours("128").multiply(BigDecimal.valueOf(20)).multiply(new BigDecimal("0.001")));
            expected.put("vm-2 COMPUTE entry " + changed.id(), hours("1").multiply(new BigDecimal("0.05")));
            expected.put("vm-2 DISK  " + changed.id(), hours("1").multiply(BigDecimal.valueOf(40)).multiply(new BigDecimal("0.001")));
            // A month is 730 hours of the flavor and disk, less the list's discount: 1 month at old's, 12 at the new 20.5 %.
            BigDecimal oldMonth = entryOld.add(old.diskGibHour().multiply(BigDecimal.valueOf(30))).multiply(BigDecimal.valueOf(730))
                    .multiply(BigDecimal.ONE.subtract(old.subscription().monthDiscountPercent().movePointLeft(2)));
            expected.put("vm-4 SUBSCRIPTION entry, 30 GiB, 1 mo " + old.id(), oldMonth);
            expected.put("vm-4 SUBSCRIPTION entry, 30 GiB, 12 mo " + changed.id(), new BigDecimal("0.05").add(new BigDecimal("0.03"))
                    .multiply(BigDecimal.valueOf(730)).multiply(new BigDecimal("0.795")).multiply(BigDecimal.valueOf(12)));
            assertAmounts(expected, store.lines(tenant, JANUARY, FEBRUARY));

            // vm-2 was in fact stopped at 23:30; that event commits only after January was rated.
            usage(tenant, "vm-2", "db", List.of(new Use(UsageKind.COMPUTE, "entry", 0, false, "2031-01-31T23:30:00Z")));
            List<RatedLine> before = store.lines(tenant, JANUARY, FEBRUARY);
            transaction.begin();
            try {
                rating.rate(tenant, FEBRUARY);
            } finally {
                transaction.rollback(); // the server dies before the run commits
            }
            assertEquals(before, store.lines(tenant, JANUARY, FEBRUARY), "a run that did not commit left the lines it found");

            rating.rate(tenant, FEBRUARY);
            expected.put("vm-2 COMPUTE entry " + changed.id(), hours("0.5").multiply(new BigDecimal("0.05")));
            assertAmounts(expected, store.lines(tenant, JANUARY, FEBRUARY));
            List<RatedLine> january = store.lines(tenant, JANUARY, FEBRUARY);
            rating.rate(tenant, FEBRUARY);
            rating.rate(tenant, MARCH);
            assertEquals(january, store.lines(tenant, JANUARY, FEBRUARY), "re-runs and February's rating leave January as it was");

            BigDecimal february = sum(store.lines(tenant, FEBRUARY, MARCH));
            assertEquals(0, hours("672").multiply(BigDecimal.valueOf(40)).multiply(new BigDecimal("0.001")).compareTo(february),
                    "the stopped vm-2 pays only for its 40 GiB disk all February: " + february);

            // The tenant's Costs of January in the billing zone (Asia/Shanghai: until 2031-01-31T16:00Z) leave vm-2 out.
            CostReport report = costs.of(ann, LocalDate.parse("2031-01-01"), LocalDate.parse("2031-01-31"));
            assertEquals(List.of(), costs.of(ann, LocalDate.parse("2031-03-01"), LocalDate.parse("2031-03-31")).lines().stream()
                    .filter(l -> l.resourceId().equals("vm-1")).toList(), "vm-1 is gone by March");
            assertEquals(0, report.total().compareTo(expected.entrySet().stream().filter(e -> e.getKey().startsWith("vm-1"))
                    .map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add).add(expected.entrySet().stream()
                            .filter(e -> e.getKey().startsWith("vm-4")).map(Map.Entry::getValue)
                            .reduce(BigDecimal.ZERO, BigDecimal::add))), "January in Shanghai: " + report.total());
            Caller bob = new Caller("bob", "it-" + UUID.randomUUID().toString().substring(0, 8), Set.of(Role.TENANT_USER));
            assertTrue(costs.of(bob, LocalDate.parse("2031-01-01"), LocalDate.parse("2031-01-31")).lines().isEmpty(),
                    "another tenant sees none of it");

            // January closes: its statement holds vm-1's five lines and vm-4's purchases, and nothing changes it after.
            // A bill is in cents: each of vm-1's lines rounded half up, the total their sum.
            BigDecimal vm1 = expected.entrySet().stream().filter(e -> !e.getKey().startsWith("vm-2"))
                    .map(e -> e.getValue().setScale(2, java.math.RoundingMode.HALF_UP)).reduce(BigDecimal.ZERO, BigDecimal::add);
            Instant januaryStart = Instant.parse("2030-12-31T16:00:00Z");
            Instant januaryEnd = Instant.parse("2031-01-31T16:00:00Z");
            YearMonth month = YearMonth.parse("2031-01");
            StatementStore.Stored closed = statements.close(tenant, month);
            assertEquals(0, vm1.compareTo(closed.total()), "statement total " + closed.total());
            assertEquals(7, closed.lines().size(), "vm-1's five lines and vm-4's two: " + closed.lines());
            List<RatedLine> closedHours = store.lines(tenant, januaryStart, januaryEnd);
            usage(tenant, "vm-3", "late", List.of(new Use(UsageKind.COMPUTE, "entry", 0, true, "2031-01-31T10:00:00Z"),
                    new Use(UsageKind.COMPUTE, "entry", 0, false, "2031-01-31T20:00:00Z")));
            rating.rate(tenant, MARCH);
            assertEquals(closedHours, store.lines(tenant, januaryStart, januaryEnd), "a closed month's hours stay as they were");
            assertEquals(closed, statements.close(tenant, month), "and so does its statement");
            BigDecimal late = store.lines(tenant, januaryEnd, MARCH).stream().filter(l -> l.resourceId().equals("vm-3"))
                    .map(RatedLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(0, hours("4").multiply(new BigDecimal("0.05")).compareTo(late),
                    "vm-3's hours after January closed are charged in February: " + late);

            Statement shown = statements.of(ann, month);
            assertTrue(shown.closed());
            String english = pdfText(shown, Locale.ENGLISH);
            assertTrue(english.contains("minicloud statement") && english.contains(shown.tenant())
                    && english.contains(vm1.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()), english);
            String chinese = pdfText(shown, Locale.SIMPLIFIED_CHINESE);
            assertTrue(chinese.contains("合计") && chinese.contains(vm1.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()),
                    chinese);
        } finally {
            prices.delete(ADMIN, changed.id());
        }
    }

    @Test
    void a_budget_warns_the_tenant_at_80_and_100_percent_of_this_months_costs() throws Exception {
        String alias = "it-" + UUID.randomUUID().toString().substring(0, 8);
        Caller cai = new Caller("cai", alias, Set.of(Role.TENANT_USER));
        long tenant = enrolment.tenantOf(cai).id();
        // A month's subscription bought now: this month's costs are worth budgeting in cents however young the
        // month is in the billing zone (an hour-old month would have too little pay-as-you-go to tell 90 % apart).
        subscription(tenant, "vm-b", "budgeted", "entry", 20, 1, Instant.now().toString());
        BigDecimal spent = budgets.status(cai).spent();
        assertTrue(spent.compareTo(BigDecimal.ONE) >= 0, "a month of entry is more than ¥1: " + spent);
        assertEquals(BudgetStatus.Level.NONE, budgets.status(cai).level(), "no budget, no warning");

        budgets.set(ADMIN, alias, spent.multiply(BigDecimal.valueOf(2)).setScale(2, java.math.RoundingMode.UP));
        assertEquals(BudgetStatus.Level.OK, budgets.status(cai).level());
        budgets.set(ADMIN, alias, spent.divide(new BigDecimal("0.9"), 2, java.math.RoundingMode.DOWN));
        assertEquals(BudgetStatus.Level.WARNING, budgets.status(cai).level(), "about 90 %: " + budgets.status(cai));
        budgets.set(ADMIN, alias, new BigDecimal("0.01"));
        assertEquals(BudgetStatus.Level.EXCEEDED, budgets.status(cai).level());
        assertThrows(InvalidRequestException.class, () -> budgets.set(ADMIN, alias, new BigDecimal("-5")));
        assertThrows(cloud.minicloud.core.identity.AccessDeniedException.class,
                () -> budgets.set(cai, alias, new BigDecimal("1000")), "a member does not set their own budget");
        budgets.set(ADMIN, alias, null);
        assertEquals(BudgetStatus.Level.NONE, budgets.status(cai).level());
    }

    @Test
    void a_price_list_in_the_past_or_missing_a_flavor_or_negative_is_refused_and_nothing_is_stored() {
        int before = prices.all(ADMIN).size();
        Map<String, BigDecimal> current = prices.draft();
        Map<String, BigDecimal> missing = new HashMap<>(current);
        missing.remove("entry");
        Map<String, BigDecimal> negative = new HashMap<>(current);
        negative.put("entry", new BigDecimal("-1"));
        BigDecimal disk = new BigDecimal("0.001");

        assertTrue(assertThrows(InvalidRequestException.class, () -> prices.create(ADMIN,
                new PriceListSpec("2020-01-01T00:00:00Z", current, disk, disk, null))).getMessage().contains("in the past"));
        assertTrue(assertThrows(InvalidRequestException.class, () -> prices.create(ADMIN,
                new PriceListSpec("2032-01-01T00:00:00Z", missing, disk, disk, null))).getMessage().contains("no price for entry"));
        assertTrue(assertThrows(InvalidRequestException.class, () -> prices.create(ADMIN,
                new PriceListSpec("2032-01-01T00:00:00Z", negative, disk, disk, null))).getMessage().contains("flavors.entry"));
        assertTrue(assertThrows(InvalidRequestException.class, () -> prices.create(ADMIN,
                new PriceListSpec("next monday", current, disk, disk, null))).getMessage().contains("not a time"));
        assertTrue(assertThrows(InvalidRequestException.class, () -> prices.create(ADMIN, new PriceListSpec(
                "2032-01-01T00:00:00Z", current, disk, disk, new SubscriptionTerms(new BigDecimal("120"), BigDecimal.ONE, 7, 15))))
                .getMessage().contains("monthDiscountPercent"));
        assertTrue(assertThrows(InvalidRequestException.class, () -> prices.create(ADMIN, new PriceListSpec(
                "2032-01-01T00:00:00Z", current, disk, disk, new SubscriptionTerms(BigDecimal.ONE, BigDecimal.ONE, 0, 15))))
                .getMessage().contains("warningDays"));
        assertEquals(before, prices.all(ADMIN).size());
    }

    private String pdfText(Statement statement, Locale locale) throws Exception {
        java.io.ByteArrayOutputStream pdf = new java.io.ByteArrayOutputStream();
        StatementPdf.write(statement, locale, settings.billing().zone(), settings.billing().pdfFont(), pdf);
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf.toByteArray());
        return new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1);
    }

    private record Use(UsageKind kind, String flavor, int gib, boolean begins, String at) {
    }

    private void usage(long tenant, String resource, String name, List<Use> uses) throws Exception {
        transaction.begin();
        for (Use use : uses) {
            if (use.kind() == UsageKind.COMPUTE) {
                meter.compute(tenant, resource, name, use.flavor(), use.begins(), Instant.parse(use.at()));
            } else {
                meter.storage(tenant, use.kind(), resource, name, use.gib(), use.begins(), Instant.parse(use.at()));
            }
        }
        transaction.commit();
    }

    private void subscription(long tenant, String resource, String name, String flavor, int gib, int months, String at)
            throws Exception {
        transaction.begin();
        meter.subscription(tenant, resource, name, flavor, gib, months, Instant.parse(at));
        transaction.commit();
    }

    private static BigDecimal hours(String hours) {
        return new BigDecimal(hours);
    }

    private static BigDecimal sum(List<RatedLine> lines) {
        return lines.stream().map(RatedLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static void assertAmounts(Map<String, BigDecimal> expected, List<RatedLine> lines) {
        Map<String, BigDecimal> actual = lines.stream().collect(Collectors.groupingBy(
                l -> l.resourceId() + " " + l.kind() + " " + l.item() + " " + l.priceListId(),
                Collectors.reducing(BigDecimal.ZERO, RatedLine::amount, BigDecimal::add)));
        assertEquals(expected.keySet(), actual.keySet(), "one group of lines per resource, meter, flavor and price list");
        expected.forEach((key, amount) -> assertEquals(0, amount.compareTo(actual.get(key)),
                key + ": expected " + amount + ", rated " + actual.get(key)));
    }
}
