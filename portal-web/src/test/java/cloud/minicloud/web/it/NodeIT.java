package cloud.minicloud.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

/** The local compute node, registered at deployment and probed through the hypervisor driver. */
class NodeIT {

    @Test
    void the_local_node_is_registered_and_its_probe_records_size_and_virt_type() throws Exception {
        String admin = Api.tokenFor("admin");
        JsonObject local = null;
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (System.nanoTime() < deadline) {
            local = Api.get("/api/v1/admin/nodes", admin).json().asJsonArray().stream()
                    .map(JsonValue::asJsonObject)
                    .filter(node -> node.getString("uri").equals("qemu:///system"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("the local node is not registered"));
            if (local.containsKey("virtType") && !local.isNull("virtType")) {
                break;
            }
            Thread.sleep(1000);
        }

        assertTrue(local.getBoolean("reachable"), local.toString());
        assertTrue(local.getInt("cpus") >= 1);
        String expected = System.getenv("MINICLOUD_EXPECT_VIRT_TYPE");
        if (expected != null) {
            assertEquals(expected, local.getString("virtType"), "the canary decides, not the capabilities");
        }
    }

    @Test
    void tenants_cannot_see_the_nodes() {
        assertEquals(403, Api.get("/api/v1/admin/nodes", Api.tokenFor("ann")).status());
    }
}
