package cloud.minicloud.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** AccessKey pairs through the REST API: made with the secret shown once, two active at most, each user's own. */
class AccessKeyApiIT {

    private static final String KEYS = "/api/v1/access-keys";

    @AfterEach
    void deleteTheKeysMade() {
        for (String user : List.of("ann", "bob")) {
            String token = Api.tokenFor(user);
            Api.get(KEYS, token).array().stream().map(JsonObject.class::cast)
                    .forEach(key -> Api.delete(KEYS + "/" + key.getString("accessKeyId"), token));
        }
    }

    @Test
    void ann_makes_a_key_sees_its_secret_once_and_a_third_active_key_is_refused() {
        String ann = Api.tokenFor("ann");
        Instant before = Instant.now().minus(1, ChronoUnit.MINUTES);

        Api.Reply made = Api.post(KEYS, ann, "");
        assertEquals(201, made.status(), made.body());
        JsonObject key = made.object();
        String id = key.getString("accessKeyId");
        assertEquals(30, key.getString("accessKeySecret").length());
        assertEquals("acme", key.getString("tenant"));
        assertEquals("ACTIVE", key.getString("status"));
        assertTrue(made.location().endsWith(KEYS + "/" + id), made.location());

        String listed = Api.get(KEYS, ann).body();
        assertTrue(listed.contains(id), listed);
        assertFalse(listed.contains(key.getString("accessKeySecret")), "the secret is shown only once");
        assertFalse(listed.contains("Secret"), listed);

        Api.Reply second = Api.post(KEYS, ann, "{}");
        assertEquals(201, second.status());
        Api.Reply third = Api.post(KEYS, ann, "");
        assertEquals(409, third.status(), third.body());
        assertTrue(third.body().contains("already has 2 active AccessKeys"), third.body());
        assertEquals(2, Api.get(KEYS, ann).array().size(), "the refused request made nothing");

        assertEquals("DISABLED", Api.post(KEYS + "/" + id + "/actions", ann, "{\"action\":\"disable\"}").object().getString("status"));
        Api.Reply fourth = Api.post(KEYS, ann, "");
        assertEquals(201, fourth.status(), "a disabled key frees its place");

        String audit = Api.get("/api/v1/audit?user=ann&action=AccessKeyService.&limit=500&from=" + before, Api.tokenFor("admin")).body();
        for (Api.Reply done : List.of(made, second, fourth)) {
            assertTrue(audit.contains("\"outcome\":\"DONE\",\"requestId\":\"" + done.requestId()), audit);
        }
        assertTrue(audit.contains("\"outcome\":\"REFUSED\",\"reason\":\"ann already has 2 active AccessKeys; disable or delete one first\","
                + "\"requestId\":\"" + third.requestId()), audit);
        assertTrue(audit.contains("AccessKeyService.disable"), audit);
    }

    @Test
    void a_key_takes_no_settings_and_an_unknown_action_is_refused() {
        String ann = Api.tokenFor("ann");

        Api.Reply refused = Api.post(KEYS, ann, "{\"description\":\"ci\"}");
        assertEquals(400, refused.status(), refused.body());
        assertEquals(0, Api.get(KEYS, ann).array().size(), "nothing was made");

        String id = Api.post(KEYS, ann, "").object().getString("accessKeyId");
        assertEquals(400, Api.post(KEYS + "/" + id + "/actions", ann, "{\"action\":\"rotate\"}").status());
        assertEquals(400, Api.post(KEYS + "/" + id + "/actions", ann, "{\"action\":\"disable\",\"force\":true}").status());
    }

    @Test
    void another_users_key_is_not_found_and_a_cloud_admin_can_disable_any_key_but_not_see_its_secret() {
        String ann = Api.tokenFor("ann");
        String bob = Api.tokenFor("bob");
        JsonObject made = Api.post(KEYS, ann, "").object();
        String id = made.getString("accessKeyId");

        assertEquals(404, Api.post(KEYS + "/" + id + "/actions", bob, "{\"action\":\"disable\"}").status());
        assertEquals(404, Api.delete(KEYS + "/" + id, bob).status());
        assertFalse(Api.get(KEYS, bob).body().contains(id));
        assertEquals(403, Api.get("/api/v1/admin/access-keys", bob).status());

        String admin = Api.tokenFor("admin");
        String all = Api.get("/api/v1/admin/access-keys", admin).body();
        assertTrue(all.contains(id) && all.contains("\"user\":\"ann\""), all);
        assertFalse(all.contains(made.getString("accessKeySecret")));
        assertEquals("DISABLED", Api.post("/api/v1/admin/access-keys/" + id + "/actions", admin, "{\"action\":\"disable\"}")
                .object().getString("status"));
        assertEquals(400, Api.post("/api/v1/admin/access-keys/" + id + "/actions", admin, "{\"action\":\"enable\"}").status(),
                "only its user enables it again");

        assertEquals(204, Api.delete(KEYS + "/" + id, ann).status());
        assertEquals(404, Api.delete(KEYS + "/" + id, ann).status());
    }
}
