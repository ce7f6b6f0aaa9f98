package cloud.minicloud.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A cloud of two nodes: the local one and a second in a network namespace
 * (deploy/compute/test-node.sh) added through the API in a zone of its own. Each of two tenants
 * has an instance on each node. Tenant networks span the nodes: guests type ping on their serial
 * consoles and the console logs, read through the portal (from the second node too), say what
 * they reached. A guest's screen on the second node opens in the browser, and asks anyone else
 * for its password. The second node's libvirtd stopped: its instances show UNKNOWN until it is back.
 */
class TwoNodeCloudIT {

    private static final String NODE2_DIR = "/tmp/minicloud-node2-span";
    private static final String NODE2 = "qemu+tcp://10.99.0.2/system";
    private static final List<String[]> LAUNCHED = new ArrayList<>();
    private static String admin;
    private static JsonObject localBefore;
    private static JsonObject a1;
    private static JsonObject a2;
    private static JsonObject b1;
    private static JsonObject b2;

    @BeforeAll
    static void twoNodesJoinedByTunnel() throws Exception {
        Instances.awaitLocalNode();
        admin = Api.tokenFor("admin");
        Host.testNode("up", NODE2_DIR);
        Api.Reply added = Api.post("/api/v1/admin/nodes", admin,
                "{\"name\":\"span-2\",\"uri\":\"" + NODE2 + "\",\"tunnelAddress\":\"10.99.0.2\",\"zone\":\"span-east\"}");
        assertEquals(201, added.status(), added.body());
        localBefore = Instances.localNode(admin);
        Api.Reply tunnel = Api.put("/api/v1/admin/nodes/local", admin, settings(localBefore, "10.99.0.1"));
        assertEquals(200, tunnel.status(), tunnel.body());

        a1 = launch("ann", "default");
        a2 = launch("ann", "span-east");
        b1 = launch("bob", "default");
        b2 = launch("bob", "span-east");
        assertEquals(List.of("local", "span-2", "local", "span-2"),
                List.of(a1.getString("node"), a2.getString("node"), b1.getString("node"), b2.getString("node")));
        for (JsonObject guest : List.of(a1, a2, b1, b2)) {
            String marker = "MINICLOUD-BOOTED hostname=" + guest.getString("hostname");
            assertTrue(Instances.awaitConsole(Api.tokenFor(owner(guest)), guest.getString("id"), marker, 180),
                    "the console log shows " + marker + " (node " + guest.getString("node") + ")");
        }
    }

    @AfterAll
    static void removeEverything() throws Exception {
        try {
            for (String[] launched : LAUNCHED) {
                Api.delete("/api/v1/instances/" + launched[1], Api.tokenFor(launched[0]));
            }
            for (String[] launched : LAUNCHED) {
                Instances.await(Api.tokenFor(launched[0]), launched[1], "DELETED", 120);
            }
            Instances.deleteNetwork("ann", "it-span");
            Instances.deleteNetwork("bob", "it-span");
        } finally {
            Api.delete("/api/v1/admin/nodes/span-2", admin);
            Api.put("/api/v1/admin/nodes/local", admin, settings(localBefore, localBefore.getString("tunnelAddress", "")));
            Host.testNode("down", NODE2_DIR);
        }
    }

    @Test
    void a_tenants_instances_on_two_nodes_reach_each_other_and_not_another_tenants() throws Exception {
        assertEquals("REACHED", ping("ann", a2, a1.getString("privateIp"), ""), "ann's guest on node 2 reaches hers on node 1");
        assertEquals("REACHED", ping("bob", b2, b1.getString("privateIp"), ""), "bob's too, on his own network");
        // Even with an address of bob's subnet, ann's guest does not reach bob's.
        String bobsSubnet = b1.getString("privateIp").replaceAll("\\.\\d+$", ".250/24");
        assertEquals("MISSED", ping("ann", a2, b1.getString("privateIp"), "ip addr add " + bobsSubnet + " dev eth0; "));
    }

    @Test
    void the_second_nodes_instances_are_unknown_while_its_libvirtd_is_down_and_running_again_after() throws Exception {
        Host.testNode("stop-libvirtd", NODE2_DIR);
        try {
            for (JsonObject guest : List.of(a2, b2)) {
                JsonObject unknown = Instances.await(Api.tokenFor(owner(guest)), guest.getString("id"), "UNKNOWN", 90);
                assertTrue(unknown.getString("stateReason").startsWith("node span-2 has not answered since"), unknown.toString());
            }
            assertEquals("RUNNING", Instances.get(Api.tokenFor("ann"), a1.getString("id")).getString("state"),
                    "the local node's instances are known as ever");
            assertEquals("invalid-state", Api.post("/api/v1/instances/" + a2.getString("id") + "/actions", Api.tokenFor("ann"),
                    "{\"action\":\"stop\"}").problem(), "nothing is done to an instance nobody knows the state of");
        } finally {
            Host.testNode("start-libvirtd", NODE2_DIR);
        }
        for (JsonObject guest : List.of(a2, b2)) {
            JsonObject back = Instances.await(Api.tokenFor(owner(guest)), guest.getString("id"), "RUNNING", 90);
            assertEquals("node span-2 answers again: running", back.getString("stateReason"));
        }
    }

    @Test
    void the_screen_of_a_guest_on_the_second_node_opens_in_the_browser_and_asks_anyone_else_for_a_password() throws Exception {
        try (Browser ann = new Browser()) {
            ann.signIn("ann", "/instances/" + a2.getString("id"));
            long lit = ann.openScreen();
            assertTrue(lit >= 200, "the console shows the guest's screen from node 2: " + lit + " lit pixels");
            ann.screenshot("console-second-node");
        }
        Host.Result display = Host.run("virsh", "-c", NODE2, "domdisplay", a2.getString("id"));
        java.net.URI vnc = java.net.URI.create(display.output().strip());
        assertEquals("10.99.0.2", vnc.getHost(), "the screen listens where the portal reaches the node: " + display.output());
        try (java.net.Socket screen = new java.net.Socket(vnc.getHost(), 5900 + vnc.getPort())) {
            java.io.DataInputStream in = new java.io.DataInputStream(screen.getInputStream());
            byte[] version = new byte[12];
            in.readFully(version);
            screen.getOutputStream().write("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
            byte[] types = new byte[in.readUnsignedByte()];
            in.readFully(types);
            org.junit.jupiter.api.Assertions.assertArrayEquals(new byte[] {2}, types, "VNC authentication only, never None");
        }
    }

    private static String owner(JsonObject guest) {
        return guest == a1 || guest == a2 ? "ann" : "bob";
    }

    private static JsonObject launch(String user, String zone) throws InterruptedException {
        String token = Api.tokenFor(user);
        String network = Instances.network(token, "it-span");
        String order = Instances.order(Instances.randomName(), "entry", network, 1);
        Api.Reply reply = Api.post("/api/v1/instances", token, order.replace("}", ",\"zone\":\"" + zone + "\"}"));
        assertEquals(202, reply.status(), reply.body());
        String id = reply.object().getJsonArray("instances").getJsonObject(0).getString("id");
        LAUNCHED.add(new String[] {user, id});
        return Instances.await(token, id, "RUNNING", 240);
    }

    /**
     * Types a ping on the guest's serial console and answers REACHED or MISSED as the guest printed
     * it. The marker is built by the guest's shell ($((...))), so the echo of the typed line never
     * matches. QEMU reads a pty only while someone holds it open (it looks each second), so the
     * console is held open until the answer is there.
     */
    private static String ping(String user, JsonObject from, String address, String before) throws Exception {
        String tag = Long.toString(System.nanoTime() % 100_000);
        String line = before + "ping -c 3 -W 2 " + address + " >/dev/null && echo REACHED-$((" + tag + "+0))-done || echo MISSED-$(("
                + tag + "+0))-done\n";
        String uri = from.getString("node").equals("local") ? "qemu:///system" : NODE2;
        Host.Result tty = Host.run("virsh", "-c", uri, "ttyconsole", from.getString("id"));
        assertEquals(0, tty.exitCode(), tty.output());
        String token = Api.tokenFor(user);
        String output = "";
        try (java.io.OutputStream console = new java.io.FileOutputStream(tty.output().strip())) {
            Thread.sleep(2000);
            console.write(line.getBytes(StandardCharsets.US_ASCII));
            console.flush();
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (System.nanoTime() < deadline) {
                output = Api.get("/api/v1/instances/" + from.getString("id") + "/console-log", token).object().getString("output");
                for (String outcome : List.of("REACHED", "MISSED")) {
                    if (output.contains(outcome + "-" + tag + "-done")) {
                        return outcome;
                    }
                }
                Thread.sleep(1000);
            }
        }
        throw new AssertionError("the guest did not answer the ping it was given:\n" + output);
    }

    /** A node's settings as they are, with the tunnel address given ("" for none). */
    private static String settings(JsonObject node, String tunnelAddress) {
        Map<String, Object> keep = Map.of("cpuRatio", node.getJsonNumber("cpuRatio"), "memoryRatio", node.getJsonNumber("memoryRatio"),
                "diskRatio", node.getJsonNumber("diskRatio"), "enabled", node.getBoolean("enabled"), "maintenance",
                node.getBoolean("maintenance"));
        StringBuilder json = new StringBuilder("{");
        keep.forEach((key, value) -> json.append('"').append(key).append("\":").append(value).append(','));
        return json.append("\"tunnelAddress\":\"").append(tunnelAddress).append("\"}").toString();
    }
}
