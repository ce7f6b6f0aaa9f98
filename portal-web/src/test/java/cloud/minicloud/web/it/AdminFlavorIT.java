package cloud.minicloud.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A cloud admin keeps the flavor catalogue through the API; tenants order from what is enabled. */
class AdminFlavorIT {

    private static final String FLAVORS = "/api/v1/admin/flavors";

    @Test
    void a_new_flavor_is_orderable_until_disabled_and_goes_when_nothing_used_it() {
        String admin = Api.tokenFor("admin");
        String ann = Api.tokenFor("ann");
        String name = "it-" + System.nanoTime();
        try {
            Api.Reply created = Api.post(FLAVORS, admin, "{\"name\":\"" + name + "\",\"vcpus\":2,\"memoryMib\":3072,"
                    + "\"hourlyPrice\":0.0525,\"bandwidthMbps\":200}");

            assertEquals(201, created.status(), created.body());
            assertTrue(orderable(ann).contains(name));
            assertEquals(409, Api.post(FLAVORS, admin, "{\"name\":\"" + name + "\",\"vcpus\":1,\"memoryMib\":1024,\"hourlyPrice\":0}")
                    .status(), "a name is taken once");

            Api.post(FLAVORS + "/" + name + "/actions", admin, "{\"action\":\"disable\"}");
            assertFalse(orderable(ann).contains(name), "a disabled flavor is not offered");
            Api.post(FLAVORS + "/" + name + "/actions", admin, "{\"action\":\"enable\"}");

            JsonObject repriced = Api.put(FLAVORS + "/" + name, admin, "{\"vcpus\":2,\"memoryMib\":3072,\"hourlyPrice\":0.06}").object();
            assertEquals(0.06, repriced.getJsonNumber("hourlyPrice").doubleValue(), 1e-9);
            assertTrue(!repriced.containsKey("bandwidthMbps") || repriced.isNull("bandwidthMbps"), "a cap left out is no cap: " + repriced);
        } finally {
            assertEquals(204, Api.delete(FLAVORS + "/" + name, admin).status(), "a flavor nothing used is deleted");
        }
        assertFalse(orderable(ann).contains(name));
    }

    @Test
    void nonsense_sizes_unknown_properties_and_tenants_are_refused_and_add_nothing() {
        String admin = Api.tokenFor("admin");
        int before = Api.get(FLAVORS, admin).array().size();

        assertEquals(400, Api.post(FLAVORS, admin, "{\"name\":\"none\",\"vcpus\":0,\"memoryMib\":1024,\"hourlyPrice\":0}").status());
        assertEquals(400, Api.post(FLAVORS, admin, "{\"name\":\"tebi\",\"vcpus\":4,\"memoryMib\":1048576,\"hourlyPrice\":0}").status());
        assertEquals(400, Api.post(FLAVORS, admin, "{\"name\":\"<b>\",\"vcpus\":1,\"memoryMib\":1024,\"hourlyPrice\":0}").status());
        assertEquals(400, Api.post(FLAVORS, admin, "{\"name\":\"typo\",\"vcpu\":1,\"memoryMib\":1024,\"hourlyPrice\":0}").status());
        assertEquals(403, Api.post(FLAVORS, Api.tokenFor("alice"), "{\"name\":\"mine\",\"vcpus\":1,\"memoryMib\":1024,\"hourlyPrice\":0}").status());
        assertEquals(before, Api.get(FLAVORS, admin).array().size());
    }

    @Test
    void a_flavor_an_instance_had_is_kept_with_its_size() throws Exception {
        Instances.awaitLocalNode();
        String admin = Api.tokenFor("admin");
        String ann = Api.tokenFor("ann");
        String network = Instances.network(ann, "it-flavors");
        String instance = Instances.launch(ann, Instances.randomName(), "entry", network);
        try {
            Api.Reply deleted = Api.delete(FLAVORS + "/entry", admin);
            Api.Reply resized = Api.put(FLAVORS + "/entry", admin, "{\"vcpus\":2,\"memoryMib\":1024,\"hourlyPrice\":0.02}");

            assertEquals(409, deleted.status(), deleted.body());
            assertTrue(deleted.body().contains("disable it instead"), deleted.body());
            assertEquals(409, resized.status(), resized.body());
        } finally {
            Instances.deleteAll(ann, List.of(instance));
        }
    }

    private static List<String> orderable(String token) {
        return Api.get("/api/v1/flavors", token).array().stream().map(JsonValue::asJsonObject)
                .map(f -> f.getString("name")).toList();
    }
}
