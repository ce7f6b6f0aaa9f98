package cloud.minicloud.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Flavors, images and tenant networks through the REST API; globex creates, acme must not see. */
class CatalogAndNetworkIT {

    private static final String HOSTILE = "web <net> & \\\"db\\\" ';";
    private static final String HOSTILE_AS_STORED = "web <net> & \"db\" ';";

    @Test
    void the_default_flavors_are_listed_smallest_first_with_their_hourly_price() {
        JsonArray flavors = Api.get("/api/v1/flavors", Api.tokenFor("ann")).json().asJsonArray();

        assertEquals(List.of("entry", "standard", "general", "performance"),
                flavors.stream().map(f -> f.asJsonObject().getString("name")).toList());
        JsonObject general = flavors.getJsonObject(2);
        assertEquals(2, general.getInt("vcpus"));
        assertEquals(4096, general.getInt("memoryMib"));
        assertTrue(general.getJsonNumber("hourlyPrice").doubleValue() > 0);
    }

    @Test
    void tiny_linux_is_a_public_image_for_tenants_and_the_admin_alike() {
        for (String user : List.of("bob", "admin")) {
            JsonObject tiny = Api.get("/api/v1/images", Api.tokenFor(user)).json().asJsonArray().stream()
                    .map(JsonValue::asJsonObject)
                    .filter(i -> i.getString("name").equals("tiny-linux"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no tiny-linux image for " + user));
            assertEquals("public", tiny.getString("visibility"));
            assertEquals(1, tiny.getInt("minDiskGib"));
            assertEquals(64, tiny.getString("sha256").length());
        }
    }

    @Test
    void a_network_with_any_characters_in_its_name_is_created_and_only_its_tenant_sees_it() {
        String bob = Api.tokenFor("bob");
        String ann = Api.tokenFor("ann");

        Api.Reply created = Api.post("/api/v1/networks", bob, "{\"name\":\"" + HOSTILE + "\"}");

        assertEquals(201, created.status(), created.body());
        JsonObject network = created.object();
        String id = network.getString("id");
        assertEquals(HOSTILE_AS_STORED, network.getString("name"));
        assertTrue(network.getString("cidr").matches("10\\.\\d+\\.\\d+\\.0/24"), network.getString("cidr"));
        assertTrue(network.getInt("segmentId") >= 1000);
        assertTrue(network.containsKey("createdAt"), "a new network says when it was created: " + network);
        assertTrue(created.location().endsWith("/api/v1/networks/" + id), created.location());
        assertEquals(HOSTILE_AS_STORED, Api.get("/api/v1/networks/" + id, bob).object().getString("name"));

        assertEquals(404, Api.get("/api/v1/networks/" + id, ann).status(), "acme cannot read globex's network");
        assertEquals("not-found", Api.delete("/api/v1/networks/" + id, ann).problem());
        assertTrue(Api.get("/api/v1/networks", ann).object().getJsonArray("items").stream()
                .noneMatch(n -> n.asJsonObject().getString("id").equals(id)), "nor list it");
        assertEquals(200, Api.get("/api/v1/networks/" + id, bob).status(), "acme's delete did nothing");

        assertEquals(204, Api.delete("/api/v1/networks/" + id, bob).status());
        assertEquals(404, Api.get("/api/v1/networks/" + id, bob).status());
    }

    @Test
    void two_networks_never_share_a_segment_or_a_subnet() {
        String bob = Api.tokenFor("bob");
        JsonObject first = Api.post("/api/v1/networks", bob, "{\"name\":\"seg-a\"}").object();
        JsonObject second = Api.post("/api/v1/networks", bob, "{\"name\":\"seg-b\"}").object();
        try {
            assertTrue(first.getInt("segmentId") != second.getInt("segmentId"));
            assertTrue(!first.getString("cidr").equals(second.getString("cidr")));
        } finally {
            Api.delete("/api/v1/networks/" + first.getString("id"), bob);
            Api.delete("/api/v1/networks/" + second.getString("id"), bob);
        }
    }

    /** The test server lets freed segments be given again at once (MINICLOUD_NETWORK_QUARANTINE_SECONDS=0). */
    @Test
    void networks_created_and_deleted_in_a_loop_take_no_new_segment_or_subnet() throws Exception {
        String bob = Api.tokenFor("bob");
        long before = Long.parseLong(Database.query("SELECT next_segment FROM network_allocator"));
        for (int i = 0; i < 10; i++) {
            JsonObject network = Api.post("/api/v1/networks", bob, "{\"name\":\"loop\"}").object();
            assertEquals(204, Api.delete("/api/v1/networks/" + network.getString("id"), bob).status());
        }
        long after = Long.parseLong(Database.query("SELECT next_segment FROM network_allocator"));
        assertTrue(after - before <= 1, "the loop took " + (after - before) + " new segments");
    }

    @Test
    void bad_network_requests_are_refused_and_create_nothing() {
        String bob = Api.tokenFor("bob");
        long before = Api.get("/api/v1/networks", bob).object().getJsonNumber("total").longValue();
        JsonObject named = Api.post("/api/v1/networks", bob, "{\"name\":\"dup\"}").object();
        try {
            assertEquals("name-taken", Api.post("/api/v1/networks", bob, "{\"name\":\"dup\"}").problem());
            assertEquals("invalid-request", Api.post("/api/v1/networks", bob, "{\"name\":\"  \"}").problem());
            assertEquals("invalid-request", Api.post("/api/v1/networks", bob, "{\"name\":\"two\\nlines\"}").problem());
            assertEquals("invalid-request", Api.post("/api/v1/networks", bob, "{\"name\":").problem());
            assertEquals("not-found", Api.get("/api/v1/networks/not-a-uuid", bob).problem());
            assertEquals(before + 1, Api.get("/api/v1/networks", bob).object().getJsonNumber("total").longValue());
        } finally {
            Api.delete("/api/v1/networks/" + named.getString("id"), bob);
        }
    }

    @Test
    void a_network_over_the_quota_is_refused_with_the_limit_and_a_delete_gives_the_room_back() {
        String bob = Api.tokenFor("bob");
        String admin = Api.tokenFor("admin");
        long used = Api.get("/api/v1/quota", bob).object().getJsonObject("used").getJsonNumber("networks").longValue();
        Api.put("/api/v1/admin/tenants/globex/quota", admin,
                "{\"instances\":10,\"vcpus\":20,\"memoryMib\":40960,\"diskGib\":500,\"networks\":" + (used + 1) + "}");
        JsonObject allowed = Api.post("/api/v1/networks", bob, "{\"name\":\"last-one\"}").object();
        try {
            Api.Reply refused = Api.post("/api/v1/networks", bob, "{\"name\":\"one-too-many\"}");

            assertEquals(409, refused.status());
            assertEquals("quota-exceeded", refused.problem());
            assertTrue(refused.object().getString("detail").startsWith("networks quota exceeded"), refused.body());
        } finally {
            Api.delete("/api/v1/networks/" + allowed.getString("id"), bob);
            Api.put("/api/v1/admin/tenants/globex/quota", admin,
                    "{\"instances\":10,\"vcpus\":20,\"memoryMib\":40960,\"diskGib\":500,\"networks\":5}");
        }
        assertEquals(used, Api.get("/api/v1/quota", bob).object().getJsonObject("used").getJsonNumber("networks").longValue());
    }
}
