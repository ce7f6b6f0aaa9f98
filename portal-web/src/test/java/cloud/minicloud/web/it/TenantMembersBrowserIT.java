package cloud.minicloud.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * A cloud admin makes a tenant in the console, makes cara its admin (whom nobody then removes: she
 * is its last), and deletes it; a tenant admin sees her own tenant's members, cannot demote
 * herself, and invites someone by e-mail (mail to a local sink) and withdraws it.
 */
class TenantMembersBrowserIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Test
    void a_cloud_admin_makes_a_tenant_gives_it_an_admin_and_deletes_it() {
        String alias = "it-ui-" + Long.toString(System.nanoTime(), 36);
        try (Browser admin = new Browser()) {
            admin.signIn("admin", "/admin/tenants");
            admin.click(By.id("new-tenant"));
            admin.type(By.id("tenant-alias"), alias);
            admin.type(By.id("tenant-display-name"), "Initech " + alias);
            admin.click(By.id("create-tenant"));
            admin.click(By.id("members-" + alias));
            admin.waitForText(By.tagName("h2"), alias);

            admin.type(By.id("member-user"), "cara@acme.example");
            admin.click(By.id("member-role"));
            admin.click(By.xpath("//*[@id='member-role']//vaadin-select-item[normalize-space(.)='tenant-admin']"));
            admin.click(By.id("add-member"));
            admin.waitForText(By.id("members"), "cara");
            admin.screenshot("tenant-members");
            assertEquals("tenant-admin", Api.call("GET", "/api/v1/tenants/" + alias + "/members", Api.tokenFor("cara"), alias, null)
                    .array().getJsonObject(0).getString("role"), "cara administers the new tenant");

            admin.click(By.id("remove-member-cara"));
            admin.waitForPageText("last tenant admin");
            admin.open("/admin/tenants");
            admin.click(By.id("delete-tenant-" + alias));
            admin.click(By.xpath("//vaadin-button[@slot='confirm-button']"));
            admin.waitUntilGone(By.id("delete-tenant-" + alias));
            assertFalse(KeycloakAdmin.organizationExists(alias));
        } finally {
            Api.delete("/api/v1/admin/tenants/" + alias, Api.tokenFor("admin"));
        }
    }

    @Test
    void alice_sees_acmes_members_and_cannot_demote_herself() {
        try (Browser alice = new Browser()) {
            alice.signIn("alice", "/");
            alice.click(By.id("nav-members"));
            alice.waitForText(By.id("members"), "ann");
            assertTrue(alice.textOf(By.id("members")).contains("cara"), "a member with no role is listed too");

            alice.click(By.id("role-alice"));
            alice.click(By.xpath("//*[@id='role-alice']//vaadin-select-item[normalize-space(.)='tenant-user']"));
            alice.waitForPageText("ask another tenant admin");

            JsonObject mailBefore = KeycloakAdmin.mailSettings();
            KeycloakAdmin.setMailSettings(Json.createObjectBuilder().add("host", "127.0.0.1").add("port", "3025")
                    .add("from", "cloud@minicloud.test").build());
            String address = "browser-" + System.nanoTime() + "@example.test";
            try {
                alice.type(By.id("invite-email"), address);
                alice.click(By.id("send-invitation"));
                alice.waitForText(By.id("invitations"), address);
                assertTrue(MAIL.waitForIncomingEmail(20_000, 1), "Keycloak mailed the invitation");
                alice.click(By.id("withdraw-" + address));
                alice.waitUntilGone(By.id("withdraw-" + address));
            } finally {
                KeycloakAdmin.setMailSettings(mailBefore);
            }
        }
        assertEquals(200, Api.get("/api/v1/tenants/acme/members", Api.tokenFor("alice")).status(), "alice is still acme's admin");
    }
}
