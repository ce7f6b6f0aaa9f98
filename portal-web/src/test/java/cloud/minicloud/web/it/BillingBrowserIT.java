package cloud.minicloud.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A cloud admin's billing pages: the price list editor and the chargeback report. */
class BillingBrowserIT {

    /** 2035-01-01 00:00 in the billing zone, as the picker takes it. */
    private static final java.time.Instant SCHEDULED = java.time.LocalDateTime.parse("2035-01-01T00:00")
            .atZone(ZoneId.of("Asia/Shanghai")).toInstant();

    @Test
    void a_cloud_admin_schedules_a_price_list_withdraws_it_and_reads_the_chargeback() {
        String admin = Api.tokenFor("admin");
        int versions = Api.get("/api/v1/admin/price-lists", admin).json().asJsonArray().size();
        try (Browser browser = new Browser()) {
            browser.signIn("admin", "/admin/price-lists");
            browser.waitFor(By.id("price-flavor-entry"));
            browser.evaluate("const p = document.getElementById('price-from'); p.value = '2035-01-01T00:00';"
                    + " p.dispatchEvent(new CustomEvent('change', {bubbles: true}));");
            browser.type(By.cssSelector("#price-flavor-entry input"), "0.0250");
            browser.click(By.id("save-price-list"));
            browser.waitForPageText("2035-01-01T00:00");
            JsonObject scheduled = Api.get("/api/v1/admin/price-lists", admin).json().asJsonArray()
                    .getJsonObject(versions);
            assertEquals(0, new BigDecimal("0.025").compareTo(scheduled.getJsonObject("flavors").getJsonNumber("entry")
                    .bigDecimalValue()), scheduled.toString());
            browser.screenshot("price-lists");

            browser.click(By.id("withdraw-" + scheduled.getJsonNumber("id").longValue()));
            browser.waitUntilGone(By.id("withdraw-" + scheduled.getJsonNumber("id").longValue()));
            assertEquals(versions, Api.get("/api/v1/admin/price-lists", admin).json().asJsonArray().size());

            browser.open("/admin/chargeback");
            browser.waitFor(By.id("chargeback"));
            YearMonth month = YearMonth.now(ZoneId.of("Asia/Shanghai"));
            BigDecimal total = Api.get("/api/v1/admin/chargeback/" + month, admin).object().getJsonNumber("total")
                    .bigDecimalValue().setScale(2, RoundingMode.HALF_UP);
            String shown = browser.textOf(By.id("chargeback-total"));
            assertTrue(shown.contains("¥" + total.toPlainString()), shown + " is the API's " + total);
            browser.waitFor(By.cssSelector("#chargeback-chart[drawn] canvas"));
            assertEquals(String.valueOf(Api.get("/api/v1/admin/chargeback/" + month, admin).object().getJsonArray("tenants").size()),
                    browser.evaluate("return document.getElementById('chargeback-chart').getAttribute('drawn')"),
                    "a bar per tenant");
            browser.screenshot("chargeback");

            // The Tenants page shows each tenant's cost this month beside its quota, as the chargeback says
            // (acme is a tenant of this cloud once one of its members has used it).
            Api.get("/api/v1/quota", Api.tokenFor("ann"));
            BigDecimal acme = Api.get("/api/v1/admin/chargeback/" + month, admin).object().getJsonArray("tenants").stream()
                    .map(t -> t.asJsonObject()).filter(t -> t.getString("tenant").equals("acme"))
                    .map(t -> t.getJsonNumber("total").bigDecimalValue()).findFirst().orElse(BigDecimal.ZERO);
            browser.open("/admin/tenants");
            browser.waitForText(By.id("tenants"), "Cost this month");
            browser.waitForText(By.id("tenants"), "¥" + acme.setScale(2, RoundingMode.HALF_UP).toPlainString());
        } finally {
            Api.get("/api/v1/admin/price-lists", admin).json().asJsonArray().stream().map(v -> v.asJsonObject())
                    .filter(v -> java.time.Instant.parse(v.getString("effectiveFrom")).equals(SCHEDULED))
                    .forEach(v -> Api.delete("/api/v1/admin/price-lists/" + v.getJsonNumber("id").longValue(), admin));
        }
    }
}
