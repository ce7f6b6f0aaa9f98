package cloud.minicloud.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/** A cloud admin edits a tenant's quota beside its use, is told when a limit is below it, and the tenant sees it. */
class TenantQuotaBrowserIT {

    @Test
    void a_cloud_admin_sets_globex_quota_in_the_console_and_bob_sees_the_new_limit() {
        String bob = Api.tokenFor("bob");
        JsonObject before = Api.get("/api/v1/quota", bob).object().getJsonObject("limits");
        // globex uses a network, so a limit of none is below its use
        String network = Instances.network(bob, "it-quota-" + System.nanoTime());
        try (Browser admin = new Browser()) {
            admin.signIn("admin", "/admin/tenants");
            admin.click(By.id("edit-quota-globex"));
            admin.waitForText(By.tagName("h2"), "globex");

            admin.type(By.id("limit-INSTANCES"), "7" + Keys.TAB);
            admin.type(By.id("limit-NETWORKS"), "0" + Keys.TAB);
            admin.waitForText(By.id("limit-NETWORKS"), "Below the");
            admin.screenshot("tenant-quota");
            java.time.Instant saved = java.time.Instant.now().minusSeconds(1);
            admin.click(By.id("save-quota"));
            admin.waitFor(By.id("tenants"));

            JsonObject after = Api.get("/api/v1/quota", bob).object().getJsonObject("limits");
            assertEquals(7, after.getInt("instances"));
            assertEquals(0, after.getInt("networks"));
            assertEquals(before.getInt("vcpus"), after.getInt("vcpus"), "what was not touched stays");
            JsonObject line = Api.get("/api/v1/audit?action=QuotaService.changeLimits&user=admin&from=" + saved,
                    Api.tokenFor("admin")).object().getJsonArray("items").getJsonObject(0);
            assertEquals(List.of("DONE", "globex"), List.of(line.getString("outcome"), line.getString("targets").split(",")[0]),
                    "the save is in the audit log: " + line);
        } finally {
            Api.put("/api/v1/admin/tenants/globex/quota", Api.tokenFor("admin"), before.toString());
            Api.delete("/api/v1/networks/" + network, bob);
        }
    }
}
