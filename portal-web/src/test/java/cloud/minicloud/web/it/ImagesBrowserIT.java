package cloud.minicloud.web.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The Images page: alice uploads an image from the browser and watches it validate; it is on her
 * tenant's custom shelf of the create page; bob never sees it; she deletes it after confirming.
 */
class ImagesBrowserIT {

    private static final Path STATE = Path.of(System.getProperty("it.state.dir", "/var/lib/minicloud"));
    private final String name = Instances.randomName();

    @AfterEach
    void deleteTheImage() {
        String alice = Api.tokenFor("alice");
        for (JsonValue image : Api.get("/api/v1/images", alice).json().asJsonArray()) {
            if (image.asJsonObject().getString("name").equals(name)) {
                Api.delete("/api/v1/images/" + image.asJsonObject().getJsonNumber("id"), alice);
            }
        }
    }

    @Test
    void alice_uploads_an_image_that_validates_and_launches_from_her_custom_shelf_and_bob_never_sees_it() {
        Path tiny = STATE.resolve("images/tiny-linux.qcow2");
        Assumptions.assumeTrue(Files.isRegularFile(tiny), "no tiny-linux image in " + STATE);
        try (Browser alice = new Browser()) {
            alice.signIn("alice", "/images");
            alice.click(By.id("shelf-custom"));
            alice.type(By.id("image-name"), name);
            alice.type(By.id("image-os"), "Linux");
            alice.type(By.id("image-version"), "tiny");

            alice.attach(By.id("image-upload"), tiny);

            alice.waitForText(By.id("state-" + name), "Active");
            alice.screenshot("images");

            try (Browser bob = new Browser()) {
                bob.signIn("bob", "/images");
                bob.waitFor(By.id("shelf-public"));
                bob.click(By.id("shelf-custom"));
                assertFalse(bob.pageText().contains(name), "globex does not see acme's image");
                bob.click(By.id("shelf-shared"));
                assertFalse(bob.pageText().contains(name), "nor as shared");
            }

            alice.open("/instances/new");
            alice.click(By.id("shelf-custom"));
            alice.waitForText(By.id("image"), name);

            alice.open("/images");
            alice.click(By.id("shelf-custom"));
            alice.click(By.id("delete-" + name));
            alice.click(By.xpath("//vaadin-button[@slot='confirm-button']"));
            alice.waitUntilGone(By.id("state-" + name));
            assertTrue(alice.pageText().contains("deleted"), alice.pageText());
        }
    }
}
