package cloud.minicloud.web.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/** Tenant networks in the console: bob creates and deletes one; ann never sees it. */
class NetworksBrowserIT {

    private static final String NAME = "bob's <net> & \"lab\"";

    @Test
    void bob_creates_a_network_that_ann_cannot_see_and_deletes_it_after_confirming() {
        try (Browser bob = new Browser()) {
            bob.signIn("bob", "/networks");
            bob.type(By.id("network-name"), NAME);
            bob.click(By.id("create-network"));
            bob.waitForText(By.id("networks"), NAME);
            bob.screenshot("networks");

            try (Browser ann = new Browser()) {
                ann.signIn("ann", "/networks");
                ann.waitFor(By.id("network-name"));
                assertFalse(ann.pageText().contains(NAME), "acme does not see globex's network");
            }

            bob.click(By.xpath("//vaadin-button[contains(., 'Delete')]"));
            bob.click(By.xpath("//vaadin-button[@slot='confirm-button']"));
            bob.waitFor(By.id("networks-empty"));
            assertTrue(bob.pageText().contains("No networks yet"), bob.pageText());
        }
    }

    @Test
    void an_empty_name_is_refused_on_the_field_and_creates_nothing() {
        try (Browser bob = new Browser()) {
            bob.signIn("bob", "/networks");
            bob.type(By.id("network-name"), "   " + Keys.TAB);
            bob.click(By.id("create-network"));

            bob.waitForFlag(By.id("network-name"), "invalid");
            assertTrue(bob.pageText().contains("No networks yet"), bob.pageText());
        }
    }
}
