package cloud.minicloud.web.it;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The flavors page: a cloud admin makes a flavor, takes it off the order page and deletes it. */
class FlavorsBrowserIT {

    @Test
    void a_cloud_admin_creates_disables_and_deletes_a_flavor() {
        String name = "it-ui-" + System.nanoTime();
        try (Browser admin = new Browser()) {
            admin.signIn("admin", "/admin/flavors");
            admin.type(By.id("flavor-name"), name);
            admin.type(By.id("flavor-vcpus"), "2");
            admin.type(By.id("flavor-memory"), "2048");
            admin.type(By.id("flavor-price"), "0.0450");
            admin.click(By.id("save-flavor"));
            admin.waitForText(By.id("flavors"), name);
            admin.screenshot("flavors");

            admin.click(By.id("disable-flavor-" + name));
            admin.waitFor(By.id("enable-flavor-" + name));
            assertFalse(Api.get("/api/v1/flavors", Api.tokenFor("ann")).body().contains(name), "no longer offered");

            admin.click(By.id("delete-flavor-" + name));
            admin.click(By.xpath("//vaadin-button[@slot='confirm-button']"));
            admin.waitUntilGone(By.id("edit-flavor-" + name));
        } finally {
            Api.delete("/api/v1/admin/flavors/" + name, Api.tokenFor("admin"));
        }
    }
}
