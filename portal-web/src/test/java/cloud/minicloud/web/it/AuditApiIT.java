package cloud.minicloud.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The audit log as an admin searches it: who in full, the request's id, filters, and nothing of another tenant. */
class AuditApiIT {

    @Test
    void a_refused_change_is_found_with_its_request_id_roles_and_client_address() {
        Instant before = Instant.now().minus(1, ChronoUnit.MINUTES);

        Api.Reply refused = Api.post("/api/v1/networks", Api.tokenFor("ann"), "{\"name\":\"\"}");

        assertEquals(400, refused.status(), refused.body());
        String requestId = refused.requestId();
        JsonObject page = Api.get("/api/v1/audit?user=ann&action=NetworkService.&outcome=REFUSED&from=" + before
                + "&requestId=" + requestId, Api.tokenFor("alice")).object();
        assertEquals(1, page.getJsonNumber("total").longValue(), "one request, one line: " + page);
        JsonObject line = page.getJsonArray("items").stream().map(JsonObject.class::cast)
                .filter(entry -> requestId.equals(entry.getString("requestId", null))).findFirst()
                .orElseThrow(() -> new AssertionError("no audit line with request " + requestId + " in " + page));
        assertEquals("NetworkService.create", line.getString("action"));
        assertEquals("acme", line.getString("tenant"));
        assertEquals("tenant-user", line.getString("roles"));
        assertEquals("127.0.0.1", line.getString("clientAddress"));
        assertTrue(line.getString("reason").contains("name"), line.toString());
    }

    @Test
    void sign_ins_and_failed_ones_come_from_keycloak_into_the_log() throws InterruptedException {
        Instant before = Instant.now().minus(1, ChronoUnit.SECONDS);
        String stranger = "nobody-" + System.nanoTime();

        Api.Reply refused = Api.signIn(stranger, "guess");
        assertEquals(400, refused.status(), "Keycloak refuses the grant: " + refused.body());
        Api.tokenFor("cara");

        String admin = Api.tokenFor("admin");
        JsonObject failed = awaitLine(admin, "user=" + stranger + "&from=" + before);
        assertEquals("REFUSED", failed.getString("outcome"));
        assertEquals("user_not_found", failed.getString("reason"));
        assertEquals("minicloud-cli", failed.getString("targets"));
        assertEquals("127.0.0.1", failed.getString("clientAddress"));
        JsonObject signedIn = awaitLine(admin, "user=cara&outcome=DONE&from=" + before);
        assertTrue(signedIn.getString("requestId").startsWith("keycloak-"), signedIn.toString());
        assertEquals(1, Api.get("/api/v1/audit?action=Keycloak.signIn&user=" + stranger, admin).object()
                .getJsonNumber("total").longValue(), "each sign-in is recorded once, however often the feed is read");
    }

    /** The sign-in line the search finds, within the minute the recorder takes at most. */
    private static JsonObject awaitLine(String admin, String search) throws InterruptedException {
        for (int tries = 0; tries < 40; tries++) {
            JsonObject page = Api.get("/api/v1/audit?action=Keycloak.signIn&" + search, admin).object();
            if (!page.getJsonArray("items").isEmpty()) {
                return page.getJsonArray("items").getJsonObject(0);
            }
            Thread.sleep(2_000);
        }
        throw new AssertionError("no sign-in line for " + search + " after 80 s");
    }

    @Test
    void a_read_refused_for_want_of_a_role_is_in_the_log() {
        Api.Reply refused = Api.get("/api/v1/admin/instances", Api.tokenFor("ann"));

        assertEquals(403, refused.status());
        JsonObject page = Api.get("/api/v1/audit?user=ann&requestId=" + refused.requestId(), Api.tokenFor("admin")).object();
        assertEquals(1, page.getJsonNumber("total").longValue(), page.toString());
        JsonObject line = page.getJsonArray("items").getJsonObject(0);
        assertEquals("GET /api/v1/admin/instances", line.getString("action"));
        assertEquals("REFUSED", line.getString("outcome"));
        assertTrue(line.getString("reason").contains("lacks the role cloud-admin"), line.toString());
    }

    @Test
    void every_answer_carries_the_servers_own_request_id_whatever_the_client_sent() {
        Api.Reply plain = Api.get("/api/v1/me", Api.tokenFor("ann"));
        Api.Reply claimed = Api.call("GET", "/api/v1/me", Api.tokenFor("ann"), Map.of("X-Request-Id", plain.requestId()), null);

        assertTrue(plain.requestId().matches("[0-9a-f-]{36}"), plain.requestId());
        assertNotEquals(plain.requestId(), claimed.requestId(), "an id a client sends never names its request");
    }

    @Test
    void a_tenant_admin_asking_for_another_tenants_lines_gets_none() {
        // globex has a line for certain: bob's refused network (an empty name).
        assertEquals(400, Api.post("/api/v1/networks", Api.tokenFor("bob"), "{\"name\":\"\"}").status());
        assertTrue(Api.get("/api/v1/audit?tenant=globex", Api.tokenFor("admin")).object().getJsonNumber("total").longValue() > 0,
                "a cloud admin sees globex's lines");

        JsonObject asked = Api.get("/api/v1/audit?tenant=globex", Api.tokenFor("alice")).object();
        JsonObject own = Api.get("/api/v1/audit?limit=500", Api.tokenFor("alice")).object();

        assertEquals(0, asked.getJsonNumber("total").longValue(), asked.toString());
        assertTrue(own.getJsonArray("items").stream().allMatch(line -> "acme".equals(line.asJsonObject().getString("tenant", null))),
                "alice's own page holds acme's lines only");
    }

    @Test
    void a_search_that_makes_no_sense_is_refused_with_what_to_send() {
        String admin = Api.tokenFor("admin");

        Api.Reply outcome = Api.get("/api/v1/audit?outcome=MAYBE", admin);
        Api.Reply time = Api.get("/api/v1/audit?from=yesterday", admin);

        assertEquals(400, outcome.status());
        assertTrue(outcome.body().contains("DONE or REFUSED"), outcome.body());
        assertEquals(400, time.status());
        assertTrue(time.body().contains("ISO-8601"), time.body());
    }
}
