package cloud.minicloud.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The local compute node, registered at deployment and probed through the hypervisor driver; a
 * second node (deploy/compute/test-node.sh: a network namespace with its own libvirtd, reached over
 * qemu+tcp) added through the API, renamed, moved to another zone and removed.
 */
class NodeIT {

    private static final String NODE2_DIR = "/tmp/minicloud-node2-portal";

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

    @Test
    void a_second_node_is_added_in_the_console_renamed_moved_and_removed_and_a_silent_one_is_not_added() throws Exception {
        String admin = Api.tokenFor("admin");
        Host.testNode("up", NODE2_DIR);
        try {
            try (Browser browser = new Browser()) {
                browser.signIn("admin", "/admin/nodes");
                browser.click(By.id("add-node"));
                browser.type(By.id("node-name"), "node-2");
                browser.type(By.id("node-uri"), "qemu+tcp://10.99.0.2/system");
                browser.type(By.id("node-tunnel"), "10.99.0.2");
                browser.type(By.id("node-zone"), "it-zone");
                browser.click(By.id("add-node-now"));
                browser.waitFor(By.id("node-added"));
                assertTrue(browser.textOf(By.id("node-steps")).contains("storage pool: ready"), browser.textOf(By.id("node-steps")));
                browser.screenshot("node-added");
                browser.click(By.id("node-added"));
                browser.waitForText(By.id("nodes"), "it-zone");
                // Drained (nothing on it to move), it is in maintenance until that ends.
                browser.click(By.id("drain-node-node-2"));
                browser.waitForPageText("Node node-2 is in maintenance: 0 instances are moving away, 0 stay.");
                browser.click(By.id("end-maintenance-node-2"));
                browser.waitForPageText("Node node-2 takes new instances again");
                browser.waitFor(By.id("drain-node-node-2"));
            }
            JsonObject node = Api.get("/api/v1/admin/nodes", admin).json().asJsonArray().stream().map(JsonValue::asJsonObject)
                    .filter(n -> n.getString("name").equals("node-2")).findFirst().orElseThrow();
            assertTrue(node.getBoolean("reachable"), node.toString());
            assertFalse(node.getBoolean("maintenance"), "maintenance ended in the console");
            assertEquals("it-zone", node.getString("zone"));
            assertEquals("10.99.0.2", node.getString("tunnelAddress"));

            assertEquals(409, Api.post("/api/v1/admin/nodes", admin, "{\"name\":\"node-3\",\"uri\":\"qemu+tcp://10.99.0.2/system\","
                    + "\"tunnelAddress\":\"10.99.0.3\"}").status(), "registered already");
            Api.Reply silent = Api.post("/api/v1/admin/nodes", admin, "{\"name\":\"node-3\",\"uri\":\"qemu+tcp://10.99.0.3/system\","
                    + "\"tunnelAddress\":\"10.99.0.3\"}");
            assertEquals(400, silent.status(), silent.body());
            assertTrue(silent.body().contains("did not answer"), silent.body());
            assertEquals(400, Api.post("/api/v1/admin/nodes", admin, "{\"name\":\"node-3\",\"uri\":\"qemu+tcp://10.99.0.3/system\","
                    + "\"tunnelAddress\":\"10.99.0.3\",\"tunel\":1}").status(), "an unknown property");
            assertFalse(Api.get("/api/v1/admin/nodes", admin).body().contains("node-3"), "nothing of a refused node is recorded");

            Api.Reply moved = Api.put("/api/v1/admin/nodes/node-2", admin, "{\"cpuRatio\":4,\"memoryRatio\":1,\"diskRatio\":1,"
                    + "\"enabled\":true,\"maintenance\":false,\"name\":\"node-2b\",\"zone\":\"it-zone-2\"}");
            assertEquals(200, moved.status(), moved.body());
            assertEquals("it-zone-2", moved.object().getString("zone"));

            assertEquals(204, Api.delete("/api/v1/admin/nodes/node-2b", admin).status());
            assertFalse(Api.get("/api/v1/admin/nodes", admin).body().contains("10.99.0.2"), "removed");
        } finally {
            Api.delete("/api/v1/admin/nodes/node-2", admin);
            Api.delete("/api/v1/admin/nodes/node-2b", admin);
            Host.testNode("down", NODE2_DIR);
        }
    }
}
