package cloud.minicloud.web.it;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;

/**
 * What reading rated usage costs on the running cloud, once deploy/bench/rating-db-benchmark.sh has
 * seeded this month's usage and had it rated: the chargeback across every tenant, ann's costs by the
 * API, and ann's Costs page in Chromium until its lines show. Not a test.
 */
public final class RatingDbBenchmark {

    private static final int ROUNDS = 5;

    public static void main(String[] args) throws Exception {
        ZoneId zone = ZoneId.of(System.getProperty("bench.zone", "Asia/Shanghai"));
        String month = YearMonth.now(zone).toString();
        String admin = Api.tokenFor("admin");

        List<Long> again = new ArrayList<>();
        long start;
        int tenants = 0;
        for (int round = 0; round < ROUNDS; round++) {
            start = System.nanoTime();
            tenants = Api.get("/api/v1/admin/chargeback/" + month, admin).object().getJsonArray("tenants").size();
            again.add((System.nanoTime() - start) / 1_000_000);
        }
        System.out.printf("the chargeback of %s, all rated already (%d tenants): %s%n", month, tenants, stats(again));

        String ann = Api.tokenFor("ann");
        String days = "?from=" + YearMonth.now(zone).atDay(1) + "&to=" + LocalDate.now(zone);
        List<Long> costs = new ArrayList<>();
        int lines = 0;
        for (int round = 0; round < ROUNDS; round++) {
            start = System.nanoTime();
            Api.Reply reply = Api.get("/api/v1/costs" + days, ann);
            costs.add((System.nanoTime() - start) / 1_000_000);
            lines = reply.object().getJsonArray("lines").size();
        }
        System.out.printf("ann's costs of this month by the API (%d lines): %s%n", lines, stats(costs));

        List<Long> page = new ArrayList<>();
        try (Browser browser = new Browser()) {
            browser.signIn("ann", "/");
            for (int round = 0; round < ROUNDS; round++) {
                browser.click(By.id("nav-dashboard"));
                browser.waitFor(By.id("quota"));
                start = System.nanoTime();
                browser.click(By.id("nav-costs"));
                browser.waitForPromptly(By.cssSelector("#costs-lines vaadin-grid-cell-content"));
                page.add((System.nanoTime() - start) / 1_000_000);
            }
        }
        System.out.printf("ann's Costs page from the menu until its lines show: %s%n", stats(page));
        System.exit(0);
    }

    private static String stats(List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        return "p50 %d ms, max %d ms (%d rounds)".formatted(sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1),
                sorted.size());
    }
}
