package cloud.minicloud.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * AccessKeys in the console: bob makes one, copies its secret from the one dialog that shows it,
 * disables and deletes it; a cloud admin finds his key among everyone's and disables it.
 */
class AccessKeysBrowserIT {

    @AfterEach
    void deleteBobsKeys() {
        String bob = Api.tokenFor("bob");
        Api.get("/api/v1/access-keys", bob).array().stream().map(JsonObject.class::cast)
                .forEach(key -> Api.delete("/api/v1/access-keys/" + key.getString("accessKeyId"), bob));
    }

    @Test
    void bob_makes_a_key_sees_its_secret_once_then_disables_and_deletes_it() {
        try (Browser bob = new Browser()) {
            bob.signIn("bob", "/");
            bob.click(By.id("nav-keys"));
            bob.waitFor(By.id("keys-empty"));

            bob.click(By.id("create-key"));
            String id = bob.waitFor(By.id("new-key-id")).getDomProperty("value");
            String secret = bob.waitFor(By.id("new-key-secret")).getDomProperty("value");
            assertEquals(30, secret.length(), secret);
            bob.screenshot("access-key-made");
            bob.click(By.xpath("//vaadin-button[@slot='confirm-button']"));
            bob.waitForText(By.id("keys"), id);
            assertFalse(bob.pageText().contains(secret), "the secret is not shown again");
            assertTrue(Api.get("/api/v1/access-keys", Api.tokenFor("bob")).body().contains(id));

            bob.click(By.id("disable-" + id));
            bob.waitFor(By.id("enable-" + id));
            bob.waitForText(By.id("keys"), "Disabled");

            bob.click(By.id("delete-" + id));
            bob.click(By.xpath("//vaadin-button[@slot='confirm-button']"));
            bob.waitFor(By.id("keys-empty"));
            assertEquals("[]", Api.get("/api/v1/access-keys", Api.tokenFor("bob")).body());
        }
    }

    @Test
    void a_cloud_admin_finds_bobs_key_among_all_keys_and_disables_it_at_once() {
        String id = Api.post("/api/v1/access-keys", Api.tokenFor("bob"), "").object().getString("accessKeyId");
        try (Browser admin = new Browser()) {
            admin.signIn("admin", "/");
            admin.click(By.id("nav-all-keys"));
            admin.waitForText(By.id("all-keys"), id);
            assertTrue(admin.pageText().contains("bob"), "the key's user is shown");

            admin.click(By.id("admin-disable-" + id));
            admin.waitForText(By.id("all-keys"), "Disabled");
            assertEquals("DISABLED", Api.get("/api/v1/access-keys", Api.tokenFor("bob")).array().stream()
                    .map(JsonObject.class::cast).filter(k -> k.getString("accessKeyId").equals(id)).findFirst().orElseThrow()
                    .getString("status"));
        }
    }
}
