package cloud.minicloud.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole story through the API: a cloud admin makes a tenant, invites someone, sets the
 * tenant's quota and a flavor, and finds each step in the audit log; the person joins, holds the
 * role, launches within the quota and is refused past it; with the role taken away in Keycloak,
 * their next token opens nothing. Everything it made is removed again.
 */
class CloudAdminJourneyIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Test
    void a_cloud_admin_sets_up_a_tenant_whose_invited_member_works_within_its_quota() throws Exception {
        Instances.awaitLocalNode();
        String admin = Api.tokenFor("admin");
        String alias = "journey-" + Long.toString(System.nanoTime(), 36);
        String person = "newcomer-" + Long.toString(System.nanoTime(), 36);
        String flavor = "journey-" + Long.toString(System.nanoTime(), 36);
        JsonObject mailBefore = KeycloakAdmin.mailSettings();
        KeycloakAdmin.setMailSettings(Json.createObjectBuilder().add("host", "127.0.0.1").add("port", "3025")
                .add("from", "cloud@minicloud.test").build());
        boolean userMade = false;
        try {
            assertEquals(201, Api.post("/api/v1/admin/tenants", admin,
                    "{\"alias\":\"" + alias + "\",\"displayName\":\"Journey\",\"description\":\"made by a test\"}").status());
            assertEquals(202, Api.post("/api/v1/tenants/" + alias + "/invitations", admin,
                    "{\"email\":\"" + person + "@example.test\",\"role\":\"tenant-user\"}").status());
            assertTrue(MAIL.waitForIncomingEmail(20_000, 1), "Keycloak mailed the invitation");
            assertEquals(200, Api.put("/api/v1/admin/tenants/" + alias + "/quota", admin,
                    "{\"instances\":1,\"vcpus\":2,\"memoryMib\":4096,\"diskGib\":20,\"networks\":1}").status());
            assertEquals(201, Api.post("/api/v1/admin/flavors", admin,
                    "{\"name\":\"" + flavor + "\",\"vcpus\":1,\"memoryMib\":1024,\"hourlyPrice\":0.01}").status());

            Set<String> audited = Api.get("/api/v1/audit?user=admin&limit=100&target=" + alias, admin).object().getJsonArray("items")
                    .stream().map(line -> line.asJsonObject().getString("action")).collect(Collectors.toSet());
            assertTrue(audited.containsAll(List.of("TenantAdministration.create", "TenantAdministration.invite",
                    "QuotaService.changeLimits")), "the audit log has each step: " + audited);
            assertEquals(1, Api.get("/api/v1/audit?user=admin&action=FlavorService.&target=" + flavor, admin).object()
                    .getJsonNumber("total").longValue(), "and the new flavor");

            // Following the mailed link makes a member with no role; the invitation's role follows within a minute.
            KeycloakAdmin.createUser(person, person + "@example.test");
            userMade = true;
            KeycloakAdmin.setPassword(person, "Journey-pass-1");
            KeycloakAdmin.joinOrganization(alias, person);
            awaitRole(alias, person, "tenant-user");

            String token = signedIn(person);
            String network = Api.post("/api/v1/networks", token, "{\"name\":\"journey\"}").object().getString("id");
            String id = Instances.launch(token, "journey", "entry", network);
            Api.Reply pastQuota = Api.post("/api/v1/instances", token, Instances.order("journey-2", "entry", network, 1));
            assertEquals("quota-exceeded", pastQuota.problem(), pastQuota.body());
            Instances.deleteAll(token, List.of(id));
            assertEquals(204, Api.delete("/api/v1/networks/" + network, token).status());

            KeycloakAdmin.removeFromGroup(person, "/tenants/" + alias + "/tenant-user");
            assertEquals(403, Api.get("/api/v1/instances", signedIn(person)).status(), "with the role gone, nothing opens");
        } finally {
            if (userMade) {
                KeycloakAdmin.deleteUser(person);
            }
            Api.delete("/api/v1/admin/flavors/" + flavor, admin);
            Api.delete("/api/v1/admin/tenants/" + alias, admin);
            KeycloakAdmin.setMailSettings(mailBefore);
        }
    }

    private static String signedIn(String person) {
        Api.Reply reply = Api.signIn(person, "Journey-pass-1");
        assertEquals(200, reply.status(), reply.body());
        return reply.object().getString("access_token");
    }

    private static void awaitRole(String alias, String person, String role) throws InterruptedException {
        String held = null;
        for (int tries = 0; tries < 45 && !role.equals(held); tries++) {
            Thread.sleep(2_000);
            held = Api.get("/api/v1/tenants/" + alias + "/members", Api.tokenFor("admin")).json().asJsonArray().stream()
                    .map(JsonValue::asJsonObject).filter(m -> person.equals(m.getString("username"))).findFirst()
                    .map(m -> m.getString("role", null)).orElse(null);
        }
        assertEquals(role, held, person + " holds the invitation's role within 90 s");
    }
}
