package cloud.minicloud.web.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Roles held per tenant, as people in the portal meet them: a switcher, a refusal that says whom to ask, fresh roles. */
class TenantRolesBrowserIT {

    private static final String GLOBEX_ADMIN = "/tenants/globex/tenant-admin";

    @Test
    void a_member_with_no_role_sees_whom_to_ask_instead_of_the_tenants_pages() {
        try (Browser cara = new Browser()) {
            cara.signIn("cara", "/");

            cara.waitForText(By.id("access-denied-reason"), "ask a tenant admin of acme");
            assertFalse(cara.isPresent(By.id("nav-instances")), "no instances page to open");
        }
    }

    @Test
    void a_switch_in_one_tab_leaves_another_open_tab_acting_for_its_tenant() {
        try (Browser dan = new Browser()) {
            dan.signIn("dan", "/");
            dan.waitForText(By.id("tenant-name"), "acme");
            String acmeTab = dan.tab();

            dan.openTab("/");
            dan.waitForText(By.id("tenant-name"), "acme");
            dan.click(By.id("tenant-switcher"));
            dan.click(By.xpath("//vaadin-select-item[normalize-space(.)='globex']"));
            dan.waitForText(By.id("tenant-name"), "globex");

            dan.switchToTab(acmeTab);
            dan.click(By.id("nav-networks"));
            dan.waitFor(By.id("create-network"));
            dan.click(By.id("nav-dashboard"));
            dan.waitForText(By.id("tenant-name"), "acme");
            assertTrue(dan.textOf(By.id("tenant-name")).contains("acme"), "the first tab still acts for acme");
            dan.open("/");
            dan.waitForText(By.id("tenant-name"), "globex"); // a tab loaded afresh takes the latest choice
            dan.click(By.id("tenant-switcher"));
            dan.click(By.xpath("//vaadin-select-item[normalize-space(.)='acme']"));
            dan.waitForText(By.id("tenant-name"), "acme");
        }
    }

    @Test
    void a_member_of_two_tenants_switches_and_a_role_removed_in_keycloak_stops_working_in_the_open_tab() {
        try (Browser dan = new Browser()) {
            dan.signIn("dan", "/");
            dan.waitForText(By.id("tenant-name"), "acme");

            dan.click(By.id("tenant-switcher"));
            dan.click(By.xpath("//vaadin-select-item[normalize-space(.)='globex']"));
            dan.waitForText(By.id("tenant-name"), "globex");
            dan.screenshot("tenant-switcher");

            KeycloakAdmin.removeFromGroup("dan", GLOBEX_ADMIN);
            try {
                Instant began = Instant.now();
                // The open tab keeps its session; each move between pages asks the server, which reads the
                // (refreshed) token. Moving to the page already shown would not build it again.
                boolean onDashboard = true;
                while (!dan.isPresent(By.id("access-denied-reason"))
                        && Duration.between(began, Instant.now()).compareTo(Duration.ofMinutes(3)) < 0) {
                    sleep();
                    dan.click(By.id(onDashboard ? "nav-networks" : "nav-dashboard"));
                    onDashboard = !onDashboard;
                }
                dan.waitForText(By.id("access-denied-reason"), "holds no role in the tenant 'globex'");
                System.out.printf("the removed role stopped working in the open tab after %d s%n",
                        Duration.between(began, Instant.now()).toSeconds());
            } finally {
                KeycloakAdmin.addToGroup("dan", GLOBEX_ADMIN);
            }
            assertTrue(dan.pageText().contains("Access denied"), dan.pageText());
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
