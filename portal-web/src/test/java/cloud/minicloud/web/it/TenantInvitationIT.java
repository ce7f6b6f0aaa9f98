package cloud.minicloud.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A tenant admin invites someone by e-mail: Keycloak sends the invitation through the realm's mail
 * server (here a local SMTP sink this test starts and points the realm at); with no mail server
 * answering, the invitation is refused saying who must set up e-mail.
 */
class TenantInvitationIT {

    private static final int SMTP_PORT = 3025;

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    private JsonObject mailBefore;

    @BeforeEach
    void pointKeycloaksMailHere() {
        mailBefore = KeycloakAdmin.mailSettings();
        KeycloakAdmin.setMailSettings(mail(SMTP_PORT));
    }

    @AfterEach
    void restoreKeycloaksMail() {
        KeycloakAdmin.setMailSettings(mailBefore);
    }

    private static JsonObject mail(int port) {
        return Json.createObjectBuilder().add("host", "127.0.0.1").add("port", String.valueOf(port))
                .add("from", "cloud@minicloud.test").add("fromDisplayName", "minicloud").build();
    }

    @Test
    void alice_invites_a_newcomer_who_gets_keycloaks_mail_with_a_link_to_join_acme() throws Exception {
        String address = "newcomer-" + System.nanoTime() + "@example.test";

        Api.Reply sent = Api.post("/api/v1/tenants/acme/invitations", Api.tokenFor("alice"), "{\"email\":\"" + address + "\"}");

        assertEquals(202, sent.status(), sent.body());
        assertTrue(MAIL.waitForIncomingEmail(20_000, 1), "Keycloak sent no mail");
        MimeMessage message = MAIL.getReceivedMessages()[0];
        assertEquals(address, message.getAllRecipients()[0].toString());
        String body = GreenMailUtil.getBody(message);
        assertTrue(body.contains("/realms/minicloud/"), "the mail links to the realm: " + body);
        JsonObject waiting = Api.get("/api/v1/tenants/acme/invitations", Api.tokenFor("alice")).json().asJsonArray().stream()
                .map(JsonValue::asJsonObject).filter(i -> address.equals(i.getString("email"))).findFirst()
                .orElseThrow(() -> new AssertionError("the invitation waits for its person"));
        assertEquals("tenant-user", waiting.getString("role"));
        assertEquals("alice", waiting.getString("invitedBy"));
        assertEquals(204, Api.delete("/api/v1/tenants/acme/invitations/" + address, Api.tokenFor("alice")).status(), "withdrawn");
        assertEquals(404, Api.delete("/api/v1/tenants/acme/invitations/" + address, Api.tokenFor("alice")).status());
        assertEquals(400, Api.post("/api/v1/tenants/acme/invitations", Api.tokenFor("alice"), "{\"email\":\"nobody\"}").status());
        assertEquals(403, Api.post("/api/v1/tenants/acme/invitations", Api.tokenFor("ann"), "{\"email\":\"x@example.test\"}").status(),
                "a tenant user does not invite");
    }

    @Test
    void one_who_joins_by_the_invitation_holds_the_role_it_named_within_a_minute() throws Exception {
        String name = "joiner-" + System.nanoTime();
        String address = name + "@example.test";
        String alice = Api.tokenFor("alice");
        assertEquals(400, Api.post("/api/v1/tenants/acme/invitations", alice,
                "{\"email\":\"" + address + "\",\"role\":\"cloud-admin\"}").status(), "only tenant roles are handed out");

        Api.Reply sent = Api.post("/api/v1/tenants/acme/invitations", alice, "{\"email\":\"" + address + "\",\"role\":\"tenant-admin\"}");

        assertEquals(202, sent.status(), sent.body());
        assertEquals("tenant-admin", sent.object().getString("role"));
        KeycloakAdmin.createUser(name, address);
        try {
            KeycloakAdmin.joinOrganization("acme", name);
            String role = null;
            for (int tries = 0; tries < 45 && role == null; tries++) {
                Thread.sleep(2_000);
                role = Api.get("/api/v1/tenants/acme/members", Api.tokenFor("alice")).json().asJsonArray().stream()
                        .map(JsonValue::asJsonObject).filter(m -> name.equals(m.getString("username"))).findFirst()
                        .map(m -> m.getString("role", null)).orElse(null); // a member with no role has none in the JSON
            }
            assertEquals("tenant-admin", role, "the member who joined holds the role of the invitation within 90 s");
        } finally {
            KeycloakAdmin.deleteUser(name);
        }
    }

    @Test
    void with_no_mail_server_answering_the_invitation_is_refused_saying_what_to_set_up() {
        KeycloakAdmin.setMailSettings(mail(1));

        Api.Reply refused = Api.post("/api/v1/tenants/acme/invitations", Api.tokenFor("alice"),
                "{\"email\":\"unsent-" + System.nanoTime() + "@example.test\"}");

        assertEquals(503, refused.status(), refused.body());
        assertTrue(refused.body().contains("sets up its e-mail"), refused.body());
    }
}
