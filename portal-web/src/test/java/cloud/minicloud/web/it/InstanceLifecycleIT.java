package cloud.minicloud.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One real guest through its whole life by the REST API: launched (general, tiny-linux), booted
 * with its hostname, powered off behind the portal's back (the reconciler notices), resized,
 * started, stopped gracefully by a cloud admin, switched to a subscription and renewed; once its term has ended it
 * cannot be started, and past the grace period the cloud's schedule releases it, giving its quota back.
 */
class InstanceLifecycleIT {

    /** Other tests (the networks page's empty state) expect the tenants to have no networks of ours left. */
    @BeforeAll
    static void theLocalNodeIsReady() throws InterruptedException {
        Instances.awaitLocalNode();
    }

    @AfterAll
    static void removeTheNetwork() {
        Instances.deleteNetwork("ann", "it-lifecycle");
    }


    private static final String HOSTILE = "web <1> & \\\"db\\\" ';";
    private static final String HOSTILE_AS_STORED = "web <1> & \"db\" ';";

    @Test
    void an_instance_is_launched_operated_and_deleted_through_the_api() throws Exception {
        String ann = Api.tokenFor("ann");
        String network = Instances.network(ann, "it-lifecycle");
        long vcpusBefore = Instances.used(ann, "vcpus");
        long instancesBefore = Instances.used(ann, "instances");

        Api.Reply ordered = Api.post("/api/v1/instances", ann,
                "{\"name\":\"" + HOSTILE + "\",\"flavor\":\"general\",\"image\":\"tiny-linux\",\"network\":\"" + network
                        + "\",\"password\":\"Tiny-pass-1\"}");

        assertEquals(202, ordered.status(), ordered.body());
        JsonObject accepted = ordered.object().getJsonArray("instances").getJsonObject(0);
        String id = accepted.getString("id");
        assertEquals(HOSTILE_AS_STORED, accepted.getString("name"));
        assertEquals("PENDING", accepted.getString("state"));
        assertEquals("general", accepted.getString("flavor"));
        assertEquals("tiny-linux", accepted.getString("image"));
        assertEquals(network, accepted.getString("network"));
        assertEquals("local", accepted.getString("node"));
        assertTrue(accepted.getString("privateIp").matches("10\\.\\d+\\.\\d+\\.\\d+"), accepted.toString());
        assertTrue(accepted.containsKey("createdAt"));
        assertEquals(vcpusBefore + 2, Instances.used(ann, "vcpus"), "the quota is taken when the order is accepted");

        JsonObject running = Instances.await(ann, id, "RUNNING", 180);
        String hostname = running.getString("hostname");
        assertEquals("web-1-db", hostname);
        String marker = "MINICLOUD-BOOTED hostname=" + hostname + " ip=" + running.getString("privateIp");
        assertTrue(Instances.awaitConsole(ann, id, marker, 120), "the console log shows the boot marker " + marker);
        List<String> steps = Api.get("/api/v1/instances/" + id + "/tasks", ann).json().asJsonArray().getJsonObject(0)
                .getJsonArray("steps").stream().map(s -> s.asJsonObject().getString("step")).toList();
        assertEquals(List.of("ORDER", "ENSURE_NETWORK", "ENSURE_TEMPLATE", "CREATE_DOMAIN", "START"), steps);

        Host.run("virsh", "-c", "qemu:///system", "destroy", id);
        JsonObject stopped = Instances.await(ann, id, "STOPPED", 60);
        assertTrue(stopped.getString("stateReason").contains("outside the portal"), stopped.toString());

        assertEquals(202, Api.post("/api/v1/instances/" + id + "/resize", ann, "{\"flavor\":\"standard\"}").status());
        JsonObject resized = Instances.await(ann, id, "STOPPED", 60);
        assertEquals("standard", resized.getString("flavor"));
        assertEquals(1, resized.getInt("vcpus"));
        assertEquals(vcpusBefore + 1, Instances.used(ann, "vcpus"), "a smaller flavor gives quota back");

        assertEquals(202, Api.post("/api/v1/instances/" + id + "/actions", ann, "{\"action\":\"start\"}").status());
        Instances.await(ann, id, "RUNNING", 60);
        assertEquals("invalid-state", Api.post("/api/v1/instances/" + id + "/resize", ann, "{\"flavor\":\"entry\"}").problem(),
                "a running instance is not resized");
        assertTrue(Instances.awaitConsole(ann, id, marker, 120), "it boots again after the resize");
        assertEquals("in-use", Api.delete("/api/v1/networks/" + network, ann).problem(), "a network with instances stays");
        assertEquals(1, Api.get("/api/v1/networks/" + network, ann).object().getInt("instances"));

        assertEquals(202, Api.post("/api/v1/instances/" + id + "/actions", ann, "{\"action\":\"reboot\"}").status());
        JsonObject rebooted = Instances.await(ann, id, "RUNNING", 60);
        assertEquals("rebooted", rebooted.getString("stateReason"));

        // A cloud admin stops it (a tenant may not use the admin endpoint); ann's task history says who asked.
        assertEquals(403, Api.post("/api/v1/admin/instances/" + id + "/actions", ann, "{\"action\":\"stop\"}").status());
        assertEquals("invalid-request", Api.post("/api/v1/admin/instances/" + id + "/actions", Api.tokenFor("admin"),
                "{\"action\":\"resize\"}").problem());
        Api.Reply adminStop = Api.post("/api/v1/admin/instances/" + id + "/actions", Api.tokenFor("admin"), "{\"action\":\"stop\"}");
        assertEquals(202, adminStop.status());
        JsonObject filed = Api.get("/api/v1/audit?action=InstanceService.administer&requestId=" + adminStop.requestId(),
                Api.tokenFor("alice")).object();
        assertEquals(1, filed.getJsonNumber("total").longValue(), "acme's admin reads what a cloud admin did to acme's instance: " + filed);
        assertEquals("admin", filed.getJsonArray("items").getJsonObject(0).getString("user"));
        JsonObject stoppedAgain = Instances.await(ann, id, "STOPPED", 60);
        assertEquals("stopped", stoppedAgain.getString("stateReason"));
        JsonObject asked = Api.get("/api/v1/instances/" + id + "/tasks", ann).json().asJsonArray().getJsonObject(0)
                .getJsonArray("steps").getJsonObject(0);
        assertEquals("REQUEST by an administrator (admin)", asked.getString("step") + " " + asked.getString("detail"));
        assertEquals("PAY_AS_YOU_GO", stoppedAgain.getString("billing"));

        // Switched to a subscription of a month, then renewed for a year: each a purchase now, the meters stop.
        Api.Reply subscribed = Api.post("/api/v1/instances/" + id + "/subscribe", ann, "{\"period\":1}");
        assertEquals(200, subscribed.status(), subscribed.body());
        assertEquals("SUBSCRIPTION", subscribed.object().getString("billing"));
        java.time.Instant expires = java.time.Instant.parse(subscribed.object().getJsonObject("subscription").getString("expiresAt"));
        assertEquals("invalid-request", Api.post("/api/v1/instances/" + id + "/renew", ann, "{\"period\":13}").problem());
        assertEquals(400, Api.post("/api/v1/instances/" + id + "/renew", ann, "{\"period\":1,\"weeks\":2}").status(),
                "an unknown property is refused");
        JsonObject renewed = Api.post("/api/v1/instances/" + id + "/renew", ann, "{\"period\":1,\"periodUnit\":\"year\"}").object();
        assertEquals(expires.atOffset(java.time.ZoneOffset.UTC).plusYears(1).toInstant(),
                java.time.Instant.parse(renewed.getJsonObject("subscription").getString("expiresAt")), renewed.toString());
        assertEquals(404, Api.post("/api/v1/instances/" + id + "/renew", Api.tokenFor("bob"), "{\"period\":1}").status());
        int disk = renewed.getInt("systemDiskGib");

        // The term's end, moved an hour back (with its last change, so the schedule does not wait for it to settle):
        // a stopped instance whose term ended cannot be started until renewed.
        assertEquals(1, Database.update("update instance set expires_at = now(3) - interval 1 hour,"
                + " state_changed_at = now(3) - interval 1 hour where id = '" + id + "'"));
        Api.Reply refused = Api.post("/api/v1/instances/" + id + "/actions", ann, "{\"action\":\"start\"}");
        assertEquals("invalid-state", refused.problem(), refused.body());
        assertTrue(refused.body().contains("renew it"), refused.body());
        // Past the grace period too: the every-minute schedule releases it, as a task of "the end of its subscription".
        assertEquals(1, Database.update("update instance set expires_at = now(3) - interval 100 day where id = '" + id + "'"));
        Instances.await(ann, id, "DELETED", 150);
        assertEquals(404, Api.get("/api/v1/instances/" + id, ann).status());
        assertEquals(vcpusBefore, Instances.used(ann, "vcpus"), "a deleted instance gives all its quota back");
        assertEquals(instancesBefore, Instances.used(ann, "instances"));
        assertTrue(Host.run("virsh", "-c", "qemu:///system", "dominfo", id).exitCode() != 0, "its domain is gone from the node");

        // What it cost: compute as general, then standard, while it ran; its disk while it existed.
        String days = "?from=" + java.time.LocalDate.now().minusDays(1) + "&to=" + java.time.LocalDate.now().plusDays(1);
        List<JsonObject> lines = Api.get("/api/v1/costs" + days, ann).object().getJsonArray("lines").stream()
                .map(jakarta.json.JsonValue::asJsonObject).filter(l -> l.getString("resourceId").equals(id)).toList();
        assertEquals(java.util.Set.of("COMPUTE general", "COMPUTE standard", "DISK ", "SUBSCRIPTION standard, " + disk + " GiB, 1 mo",
                "SUBSCRIPTION standard, " + disk + " GiB, 12 mo"), lines.stream()
                .map(l -> l.getString("kind") + " " + l.getString("item")).collect(java.util.stream.Collectors.toSet()), lines.toString());
        for (JsonObject line : lines) {
            java.math.BigDecimal quantity = line.getJsonNumber("quantity").bigDecimalValue();
            java.math.BigDecimal amount = line.getJsonNumber("amount").bigDecimalValue();
            boolean bought = line.getString("kind").equals("SUBSCRIPTION");
            assertTrue(bought ? quantity.intValue() == (line.getString("item").endsWith(" 1 mo") ? 1 : 12)
                    : quantity.signum() > 0 && quantity.compareTo(java.math.BigDecimal.ONE) < 0, line.toString());
            assertTrue(amount.subtract(quantity.multiply(line.getJsonNumber("unitPrice").bigDecimalValue())).abs()
                    .compareTo(new java.math.BigDecimal("0.00001")) <= 0, "amount is quantity × unit price: " + line);
        }
        Api.Reply csv = Api.call("GET", "/api/v1/costs" + days, ann, java.util.Map.of("Accept", "text/csv"), null);
        assertTrue(csv.body().startsWith("tenant,from,to,resource,") && csv.body().contains(id), csv.body());
    }

    @Test
    void another_tenant_finds_none_of_an_instance_s_endpoints() throws Exception {
        String ann = Api.tokenFor("ann");
        String bob = Api.tokenFor("bob");
        String name = Instances.randomName();
        String id = Instances.launch(ann, name, "entry", Instances.network(ann, "it-lifecycle"));
        try {
            List<String> byName = ids(Api.get("/api/v1/instances?name=" + name.substring(3), ann));
            assertEquals(List.of(id), byName, "the name filter finds it by part of its name");
            Instances.await(ann, id, "RUNNING", 180);
            assertTrue(ids(Api.get("/api/v1/instances?state=RUNNING&limit=500", ann)).contains(id));
            assertTrue(!ids(Api.get("/api/v1/instances?state=STOPPED&limit=500", ann)).contains(id));
            assertEquals("invalid-request", Api.get("/api/v1/instances?state=SLEEPING", ann).problem());
            String base = "/api/v1/instances/" + id;
            List<Api.Reply> bobs = List.of(
                    Api.get(base, bob),
                    Api.delete(base, bob),
                    Api.post(base + "/actions", bob, "{\"action\":\"stop\"}"),
                    Api.post(base + "/resize", bob, "{\"flavor\":\"standard\"}"),
                    Api.get(base + "/console-log", bob),
                    Api.get(base + "/tasks", bob));
            for (Api.Reply reply : bobs) {
                assertEquals(404, reply.status(), reply.body());
                assertEquals("not-found", reply.problem());
            }
            assertTrue(Api.get("/api/v1/instances", bob).object().getJsonArray("items").stream()
                    .map(JsonValue::asJsonObject).noneMatch(i -> i.getString("id").equals(id)), "nor is it listed");
            assertNotNull(Instances.get(ann, id).getString("state"), "bob's delete did nothing to it");
            assertTrue(!Instances.get(ann, id).getString("state").equals("DELETING"));
            assertEquals("invalid-request", Api.post(base + "/actions", ann, "{\"action\":\"explode\"}").problem());
            JsonObject seenByAdmin = Api.get("/api/v1/admin/instances?limit=500", Api.tokenFor("admin")).object()
                    .getJsonArray("items").stream().map(JsonValue::asJsonObject)
                    .filter(i -> i.getString("id").equals(id)).findFirst()
                    .orElseThrow(() -> new AssertionError("a cloud admin sees every tenant's instances"));
            assertEquals("acme", seenByAdmin.getString("tenant"));
            String admin = Api.tokenFor("admin");
            String mine = "/api/v1/admin/instances?name=" + name + "&tenant=acme&flavor=entry&node=" + seenByAdmin.getString("node");
            assertEquals(List.of(id), ids(Api.get(mine, admin)), "filtered by tenant, flavor and node, in MariaDB");
            assertEquals(List.of(), ids(Api.get("/api/v1/admin/instances?name=" + name + "&tenant=globex", admin)),
                    "another tenant's filter leaves it out");
            assertEquals(List.of(), ids(Api.get("/api/v1/admin/instances?name=" + name + "&flavor=standard", admin)));
            assertEquals(List.of(), ids(Api.get("/api/v1/admin/instances?name=" + name + "&node=no-such-node", admin)));
            assertEquals(403, Api.get("/api/v1/admin/instances", bob).status(), "tenants do not");
            assertEquals("invalid-request", Api.post(base + "/resize", ann, "{\"flavor\":\"huge\"}").problem());
        } finally {
            Instances.deleteAll(ann, List.of(id));
        }
    }

    private static List<String> ids(Api.Reply page) {
        return page.object().getJsonArray("items").stream().map(i -> i.asJsonObject().getString("id")).toList();
    }

    @Test
    void bad_orders_are_refused_with_the_reason_and_create_nothing() {
        String ann = Api.tokenFor("ann");
        String network = Instances.network(ann, "it-lifecycle");
        long total = Api.get("/api/v1/instances", ann).object().getJsonNumber("total").longValue();
        long used = Instances.used(ann, "instances");
        String good = "\"flavor\":\"entry\",\"image\":\"tiny-linux\",\"network\":\"" + network + "\",\"password\":\"Tiny-pass-1\"";

        List<String> bad = List.of(
                "{\"name\":\"x\",",
                "{\"name\":\"\"," + good + "}",
                "{\"name\":\"two\\nlines\"," + good + "}",
                "{\"name\":\"bell\\u0007\"," + good + "}",
                "{\"name\":\"\\u202egnp.exe\"," + good + "}",
                "{\"name\":\"half \\ud83d pair\"," + good + "}",
                "{\"name\":\"x\"," + good.replace("entry", "huge") + "}",
                "{\"name\":\"x\"," + good.replace("tiny-linux", "windows") + "}",
                "{\"name\":\"x\"," + good.replace(network, "11111111-2222-3333-4444-555555555555") + "}",
                "{\"name\":\"x\"," + good + ",\"systemDiskGib\":-1}",
                "{\"name\":\"x\"," + good + ",\"systemDiskGib\":999999}",
                "{\"name\":\"x\"," + good + ",\"systemDiskGib\":99999999999999}",
                "{\"name\":\"x\"," + good + ",\"count\":0}",
                "{\"name\":\"x\"," + good + ",\"count\":101}",
                "{\"name\":\"x\"," + good.replace("Tiny-pass-1", "short") + "}",
                "{\"name\":\"x\"," + good + ",\"sshKey\":\"ssh-ed25519 AAAA\"}",
                "{\"name\":\"x\"," + good + ",\"billing\":\"subscription\"}",
                "{\"name\":\"x\"," + good + ",\"billing\":\"subscription\",\"period\":4,\"periodUnit\":\"year\"}",
                "{\"name\":\"x\"," + good + ",\"period\":1}",
                "{\"name\":\"x\",\"flavor\":\"entry\",\"image\":\"tiny-linux\",\"network\":\"" + network + "\"}");
        for (String body : bad) {
            Api.Reply reply = Api.post("/api/v1/instances", ann, body);
            assertEquals(400, reply.status(), body + " -> " + reply.body());
            assertEquals("invalid-request", reply.problem());
            assertTrue(!reply.object().getString("detail").isBlank());
        }
        // OpenStack's "Additional properties are not allowed": a misspelled disk size is not a 20 GiB disk
        Api.Reply misspelled = Api.post("/api/v1/instances", ann, "{\"name\":\"x\"," + good + ",\"systemDiskGiB\":40}");
        assertEquals(400, misspelled.status());
        assertTrue(misspelled.object().getString("detail").contains("systemDiskGiB"), misspelled.body());
        assertEquals(total, Api.get("/api/v1/instances", ann).object().getJsonNumber("total").longValue());
        assertEquals(used, Instances.used(ann, "instances"));
    }
}
