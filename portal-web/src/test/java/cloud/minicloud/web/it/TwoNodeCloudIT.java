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
 * for its password. An instance moves live to the second node and back while its peer pings it,
 * a drained node's instances move away, and a stopped one moves cold and boots there from the disk
 * it wrote. The second node's libvirtd stopped: its instances
 * show UNKNOWN until it is back.
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

        // Ordered together, booted together.
        String[] ordered = {order("ann", "default"), order("ann", "span-east"), order("bob", "default"), order("bob", "span-east")};
        a1 = Instances.await(Api.tokenFor("ann"), ordered[0], "RUNNING", 240);
        a2 = Instances.await(Api.tokenFor("ann"), ordered[1], "RUNNING", 240);
        b1 = Instances.await(Api.tokenFor("bob"), ordered[2], "RUNNING", 240);
        b2 = Instances.await(Api.tokenFor("bob"), ordered[3], "RUNNING", 240);
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
            Api.post("/api/v1/admin/nodes/local/end-maintenance", admin, "");
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

    @Test
    void a_running_instance_moves_live_to_the_second_node_and_back_while_its_peer_pings_it_and_a_drain_empties_a_node() throws Exception {
        String path = "/api/v1/admin/instances/" + a1.getString("id") + "/migrate";
        assertEquals(403, Api.post(path, Api.tokenFor("ann"), "{\"node\":\"span-2\"}").status(), "a tenant moves nothing");
        assertEquals(400, Api.post(path, admin, "{\"node\":\"span-2\",\"live\":true}").status(), "an unknown property");
        assertEquals("invalid-request", Api.post(path, admin, "{\"node\":\"local\"}").problem(), "it is there already");
        assertEquals(404, Api.post(path, admin, "{\"node\":\"nowhere\"}").status());
        assertTrue(Api.post(path, admin, "{\"node\":\"span-2\"}").body().contains("instances move within their zone"));
        JsonObject node2 = Api.get("/api/v1/admin/nodes", admin).json().asJsonArray().stream().map(JsonValue::asJsonObject)
                .filter(node -> node.getString("name").equals("span-2")).findFirst().orElseThrow();
        assertEquals(200, Api.put("/api/v1/admin/nodes/span-2", admin, settings(node2, "10.99.0.2").replace("}", ",\"zone\":\"default\"}"))
                .status(), "span-2 joins the local node's zone");

        String ann = Api.tokenFor("ann");
        long[] took = new long[2];
        String pings = type("ann", a2, "ping -c 40 -W 1 " + a1.getString("privateIp") + " | tail -n 2; echo PINGED-%1$s", () -> {
            long started = System.nanoTime();
            Api.Reply moving = Api.post(path, admin, "{\"node\":\"span-2\"}");
            assertEquals(202, moving.status(), moving.body());
            assertEquals("MIGRATING", moving.object().getString("state"));
            JsonObject moved = Instances.await(ann, a1.getString("id"), "RUNNING", 120);
            took[0] = (System.nanoTime() - started) / 1_000_000;
            assertEquals("span-2", moved.getString("node"), moved.toString());
            assertTrue(moved.getString("stateReason").startsWith("moved to node span-2 in "), moved.toString());
            System.out.println("moved live through the API: " + moved.getString("stateReason") + "; " + took[0] + " ms from order to RUNNING");
        });
        String summary = pings.lines().filter(l -> l.contains("packets transmitted")).findFirst().orElse(pings);
        System.out.println("ping across the move: " + summary);
        assertTrue(summary.contains("packets received") && !summary.contains(" 0 packets received"), summary);

        long started = System.nanoTime();
        assertEquals(202, Api.post(path, admin, "{}").status(), "placement chooses: the only other node of the zone");
        JsonObject back = Instances.await(ann, a1.getString("id"), "RUNNING", 120);
        took[1] = (System.nanoTime() - started) / 1_000_000;
        assertEquals("local", back.getString("node"), back.toString());
        System.out.println("moved back: " + back.getString("stateReason") + "; " + took[1] + " ms from order to RUNNING");

        // Drained, the local node's running instances move to span-2 one order each; it takes none meanwhile.
        Api.Reply drained = Api.post("/api/v1/admin/nodes/local/drain", admin, "");
        assertEquals(202, drained.status(), drained.body());
        List<String> moving = drained.object().getJsonArray("moving").stream().map(v -> v.asJsonObject().getString("id")).toList();
        assertTrue(moving.containsAll(List.of(a1.getString("id"), b1.getString("id"))), drained.body());
        assertTrue(Instances.localNode(admin).getBoolean("maintenance"));
        awaitRunningOn("span-2", moving);
        assertEquals(200, Api.post("/api/v1/admin/nodes/local/end-maintenance", admin, "").status());
        for (String id : moving) {
            assertEquals(202, Api.post("/api/v1/admin/instances/" + id + "/migrate", admin, "{\"node\":\"local\"}").status());
        }
        awaitRunningOn("local", moving);
        assertEquals("REACHED", ping("ann", a2, a1.getString("privateIp"), ""), "back on node 1 it is reached from node 2");
        movedColdItBootsFromTheDiskItWrote();
        Api.put("/api/v1/admin/nodes/span-2", admin, settings(node2, "10.99.0.2").replace("}", ",\"zone\":\"span-east\"}"));
    }

    /**
     * Bob's guest on node 1 marks its disk, stops, moves cold to span-2 (where its template is
     * not), starts there and finds its mark; then it moves back live. Both nodes are in one zone.
     */
    private static void movedColdItBootsFromTheDiskItWrote() throws Exception {
        String bob = Api.tokenFor("bob");
        String id = b1.getString("id");
        // 512 MiB into its 1 GiB disk: past everything the template holds.
        type("bob", b1, "echo COLD-MARK | dd of=/dev/vda bs=1M seek=512 conv=notrunc 2>/dev/null; sync; echo MARKED-%1$s", () -> { });
        assertEquals(202, Api.post("/api/v1/instances/" + id + "/actions", bob, "{\"action\":\"stop\"}").status());
        Instances.await(bob, id, "STOPPED", 120);
        Api.Reply cold = Api.post("/api/v1/admin/instances/" + id + "/migrate", admin, "{\"node\":\"span-2\"}");
        assertEquals(202, cold.status(), cold.body());
        assertEquals("MIGRATING", cold.object().getString("state"));
        JsonObject arrived = Instances.await(bob, id, "STOPPED", 120);
        assertEquals("span-2", arrived.getString("node"), arrived.toString());
        assertTrue(arrived.getString("stateReason").startsWith("moved to node span-2 (stopped) in "), arrived.toString());
        System.out.println("moved cold through the API: " + arrived.getString("stateReason"));

        assertEquals(202, Api.post("/api/v1/instances/" + id + "/actions", bob, "{\"action\":\"start\"}").status());
        Instances.await(bob, id, "RUNNING", 120);
        assertTrue(Instances.awaitConsole(bob, id, "MINICLOUD-BOOTED hostname=" + b1.getString("hostname"), 180),
                "it boots on span-2");
        String found = type("bob", Instances.get(bob, id), "dd if=/dev/vda bs=1M skip=512 count=1 2>/dev/null | grep -q COLD-MARK"
                + " && echo FOUND-%1$s || echo LOST-%1$s", () -> { });
        assertTrue(found.contains("FOUND-"), "its disk came with it: " + found);

        assertEquals(202, Api.post("/api/v1/admin/instances/" + id + "/migrate", admin, "{\"node\":\"local\"}").status());
        awaitRunningOn("local", List.of(id));
    }

    /** Waits until every one of the instances runs on the node (as cloud admins see them). */
    private static void awaitRunningOn(String node, List<String> ids) throws InterruptedException {
        long deadline = System.nanoTime() + 180_000_000_000L;
        List<String> there = List.of();
        while (System.nanoTime() < deadline) {
            there = Api.get("/api/v1/admin/instances?limit=500&state=RUNNING&node=" + node, admin).object().getJsonArray("items")
                    .stream().map(v -> v.asJsonObject().getString("id")).toList();
            if (there.containsAll(ids)) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError(ids + " are not all RUNNING on " + node + ": " + there);
    }

    private static String owner(JsonObject guest) {
        return guest == a1 || guest == a2 ? "ann" : "bob";
    }

    /** Orders one tiny instance of the user's in the zone; answers its id. */
    private static String order(String user, String zone) {
        String token = Api.tokenFor(user);
        String network = Instances.network(token, "it-span");
        String order = Instances.order(Instances.randomName(), "entry", network, 1);
        Api.Reply reply = Api.post("/api/v1/instances", token, order.replace("}", ",\"zone\":\"" + zone + "\"}"));
        assertEquals(202, reply.status(), reply.body());
        String id = reply.object().getJsonArray("instances").getJsonObject(0).getString("id");
        LAUNCHED.add(new String[] {user, id});
        return id;
    }

    /** Types a ping on the guest's console; answers REACHED or MISSED as the guest printed it. */
    private static String ping(String user, JsonObject from, String address, String before) throws Exception {
        String output = type(user, from, before + "ping -c 3 -W 2 " + address + " >/dev/null && echo REACHED-%1$s || echo MISSED-%1$s",
                () -> { });
        return output.contains("REACHED-") ? "REACHED" : "MISSED";
    }

    @FunctionalInterface
    private interface Meanwhile {
        void run() throws Exception;
    }

    /**
     * Types a shell line on the guest's serial console ({@code %1$s} in it: an end marker the
     * guest's shell builds, so the echo of the typed line never matches), does {@code meanwhile},
     * and answers what the guest printed after the line, once it printed the marker. QEMU reads a
     * pty only while someone holds it open (it looks each second): it is held open until then.
     */
    private static String type(String user, JsonObject from, String line, Meanwhile meanwhile) throws Exception {
        String tag = Long.toString(System.nanoTime() % 100_000);
        String marker = tag + "-done";
        String uri = from.getString("node").equals("local") ? "qemu:///system" : NODE2;
        Host.Result tty = Host.run("virsh", "-c", uri, "ttyconsole", from.getString("id"));
        assertEquals(0, tty.exitCode(), tty.output());
        String token = Api.tokenFor(user);
        String output = "";
        try (java.io.OutputStream console = new java.io.FileOutputStream(tty.output().strip())) {
            Thread.sleep(2000);
            console.write((line.formatted("$((" + tag + "+0))-done") + "\n").getBytes(StandardCharsets.US_ASCII));
            console.flush();
            meanwhile.run();
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (System.nanoTime() < deadline) {
                output = Api.get("/api/v1/instances/" + from.getString("id") + "/console-log", token).object().getString("output");
                int typed = output.lastIndexOf("$((" + tag + "+0))");
                int answer = typed < 0 ? -1 : output.indexOf('\n', typed);
                if (answer >= 0 && output.indexOf(marker, answer) >= 0) {
                    return output.substring(answer);
                }
                Thread.sleep(1000);
            }
        }
        throw new AssertionError("the guest did not finish what it was given:\n" + output);
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
