package cloud.minicloud.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image catalog through the REST API, in Glance's two steps, on the real server: a tenant
 * admin's upload validated and launched from, a hostile file rejected, another tenant kept out.
 */
class ImageApiIT {

    private static final Path STATE = Path.of(System.getProperty("it.state.dir", "/var/lib/minicloud"));

    @TempDir
    Path dir;

    private final List<Long> made = new ArrayList<>();

    @AfterEach
    void deleteWhatTheTestMade() {
        for (long id : made) {
            Api.delete("/api/v1/images/" + id, Api.tokenFor("alice"));
        }
    }

    @Test
    void a_tenant_admin_uploads_an_image_that_validates_and_an_instance_launches_from_it() throws Exception {
        Path tiny = STATE.resolve("images/tiny-linux.qcow2");
        Assumptions.assumeTrue(Files.isRegularFile(tiny), "no tiny-linux image in " + STATE);
        Instances.awaitLocalNode();
        String alice = Api.tokenFor("alice");
        String name = Instances.randomName();

        Api.Reply registered = Api.post("/api/v1/images", alice, """
                {"name":"%s","os":"Linux","osVersion":"tiny","format":"qcow2","minMemoryMib":128}""".formatted(name));
        assertEquals(201, registered.status(), registered.body());
        long id = registered.object().getJsonNumber("id").longValue();
        made.add(id);
        assertEquals("QUEUED", registered.object().getString("state"));

        Api.Reply uploaded = Api.putFile("/api/v1/images/" + id + "/file", alice, tiny);
        assertEquals(202, uploaded.status(), uploaded.body());
        JsonObject active = await(alice, id);
        assertEquals("ACTIVE", active.getString("state"), active.toString());
        assertEquals(64, active.getString("uploadSha256").length());

        assertEquals(404, Api.get("/api/v1/images/" + id, Api.tokenFor("bob")).status(), "another tenant's image");
        assertTrue(Api.get("/api/v1/images", Api.tokenFor("bob")).json().asJsonArray().stream()
                .noneMatch(i -> i.asJsonObject().getString("name").equals(name)));
        Api.Reply shared = Api.post("/api/v1/images/" + id + "/shares", alice, "{\"tenant\":\"globex\"}");
        assertEquals("[\"globex\"]", shared.body());
        assertEquals("shared", Api.get("/api/v1/images/" + id, Api.tokenFor("bob")).object().getString("visibility"));
        assertEquals(403, Api.post("/api/v1/images/" + id + "/actions", Api.tokenFor("bob"),
                "{\"action\":\"deactivate\"}").status(), "globex launches it but may not change it");
        assertEquals("[]", Api.delete("/api/v1/images/" + id + "/shares/globex", alice).body());
        assertEquals(404, Api.get("/api/v1/images/" + id, Api.tokenFor("bob")).status());

        String ann = Api.tokenFor("ann");
        String network = Instances.network(ann, "it-images");
        String anOrder = Instances.order(Instances.randomName(), "entry", network, 1, name);
        assertEquals("DEACTIVATED", Api.post("/api/v1/images/" + id + "/actions", alice, "{\"action\":\"deactivate\"}")
                .object().getString("state"));
        Api.Reply refused = Api.post("/api/v1/instances", ann, anOrder);
        assertTrue(refused.status() >= 400 && refused.status() < 500, "no launch from a deactivated image: " + refused.body());
        assertEquals("ACTIVE", Api.post("/api/v1/images/" + id + "/actions", alice, "{\"action\":\"reactivate\"}")
                .object().getString("state"));
        Api.Reply described = Api.send("PATCH", "/api/v1/images/" + id, alice, "{\"osVersion\":\"tiny 2\"}");
        assertEquals(200, described.status(), described.body());
        assertEquals("tiny 2", described.object().getString("osVersion"));

        Api.Reply order = Api.post("/api/v1/instances", ann, Instances.order(Instances.randomName(), "entry", network, 1, name));
        assertEquals(202, order.status(), order.body());
        String instance = order.object().getJsonArray("instances").getJsonObject(0).getString("id");
        Instances.await(ann, instance, "RUNNING", 120);

        Api.Reply inUse = Api.delete("/api/v1/images/" + id, alice);
        assertEquals(409, inUse.status(), inUse.body());
        Instances.deleteAll(ann, List.of(instance));
        Instances.deleteNetwork("ann", "it-images");
        String template = "template-sha256-" + active.getString("sha256").substring(0, 24);
        assertTrue(templates().contains(template), "the launch copied the image to the node");
        assertEquals(204, Api.delete("/api/v1/images/" + id, alice).status());
        assertEquals(404, Api.get("/api/v1/images/" + id, alice).status());
        for (int i = 0; i < 120 && templates().contains(template); i++) {
            Thread.sleep(500);
        }
        assertTrue(!templates().contains(template), "a reconciler sweep removes the deleted image's template from the node");
        List<String> acme = audit(alice);
        for (String change : List.of("alice ImageService.register [] DONE", "alice ImageUploads.receive [" + id + "] DONE",
                "alice ImageService.share [" + id + ",globex] DONE", "alice ImageUploads.delete [" + id + "] REFUSED",
                "alice ImageUploads.delete [" + id + "] DONE")) {
            assertTrue(acme.contains(change), "every change, done or refused, is in the audit log: " + change + " in " + acme);
        }
        String bobs = "bob ImageService.deactivate [" + id + "] REFUSED";
        assertTrue(acme.stream().noneMatch(line -> line.startsWith("bob ")), "a tenant admin reads only their tenant's lines");
        assertTrue(audit(Api.tokenFor("admin")).contains(bobs), "a cloud admin reads everyone's");
        assertEquals(403, Api.get("/api/v1/audit", Api.tokenFor("ann")).status(), "a tenant user reads none");
    }

    @Test
    void a_stopped_instance_becomes_an_image_that_boots_by_itself() throws Exception {
        Instances.awaitLocalNode();
        String alice = Api.tokenFor("alice");
        String ann = Api.tokenFor("ann");
        String network = Instances.network(ann, "it-capture");
        String source = Instances.launch(ann, Instances.randomName(), "entry", network);
        List<String> instances = new ArrayList<>(List.of(source));
        try {
            Instances.await(ann, source, "RUNNING", 120);
            String name = Instances.randomName();
            String request = "{\"name\":\"" + name + "\",\"osVersion\":\"tiny, configured\"}";
            assertEquals("invalid-state", Api.post("/api/v1/instances/" + source + "/images", alice, request).problem(),
                    "a running instance is stopped first");
            assertEquals(404, Api.post("/api/v1/instances/" + source + "/images", Api.tokenFor("bob"), request).status());
            Api.post("/api/v1/instances/" + source + "/actions", ann, "{\"action\":\"stop\"}");
            Instances.await(ann, source, "STOPPED", 60);

            Api.Reply accepted = Api.post("/api/v1/instances/" + source + "/images", alice, request);

            assertEquals(202, accepted.status(), accepted.body());
            long id = accepted.object().getJsonNumber("id").longValue();
            made.add(id);
            assertEquals(source, accepted.object().getString("sourceInstance"));
            assertEquals("Linux", accepted.object().getString("os"), "taken from the image it was launched from");
            JsonObject active = await(alice, id);
            assertEquals("ACTIVE", active.getString("state"), active.toString());
            JsonObject stopped = Instances.await(ann, source, "STOPPED", 60);
            assertTrue(stopped.getString("stateReason").contains("copied"), stopped.toString());
            assertEquals(404, Api.get("/api/v1/images/" + id, Api.tokenFor("bob")).status());
            assertTrue(volumes().stream().noneMatch(v -> v.endsWith("-export.qcow2")), "no copy left on the node");

            String clone = Instances.launch(ann, Instances.randomName(), "entry", network, name);
            instances.add(clone);
            Instances.await(ann, clone, "RUNNING", 120);
            assertTrue(Instances.awaitConsole(ann, clone, "MINICLOUD-BOOTED", 120),
                    "the image boots with no template of the original behind it");
        } finally {
            Instances.deleteAll(ann, instances);
            Instances.deleteNetwork("ann", "it-capture");
        }
    }

    /** The audit log as the caller may read it, each line as "user action [targets] OUTCOME". */
    private static List<String> audit(String token) {
        return Api.get("/api/v1/audit?limit=500", token).object().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject)
                .map(e -> e.getString("user") + " " + e.getString("action") + " [" + e.getString("targets") + "] "
                        + e.getString("outcome"))
                .toList();
    }

    private static List<String> volumes() throws Exception {
        Host.run("virsh", "-q", "-c", "qemu:///system", "pool-refresh", "minicloud");
        return Host.run("virsh", "-q", "-c", "qemu:///system", "vol-list", "minicloud").output().lines()
                .map(line -> line.strip().split("\\s+")[0])
                .toList();
    }

    private static List<String> templates() throws Exception {
        return volumes().stream()
                .filter(name -> name.startsWith("template-"))
                .map(name -> name.replace(".qcow2", ""))
                .toList();
    }

    @Test
    void a_shell_script_uploaded_as_qcow2_is_rejected_saying_why() throws Exception {
        String alice = Api.tokenFor("alice");
        Api.Reply registered = Api.post("/api/v1/images", alice, """
                {"name":"%s","os":"Linux","osVersion":"1","format":"qcow2"}""".formatted(Instances.randomName()));
        long id = registered.object().getJsonNumber("id").longValue();
        made.add(id);
        Path script = Files.writeString(dir.resolve("setup.qcow2"), "#!/bin/sh\nrm -rf /\n");

        assertEquals(202, Api.putFile("/api/v1/images/" + id + "/file", alice, script).status());
        JsonObject rejected = await(alice, id);

        assertEquals("REJECTED", rejected.getString("state"));
        assertTrue(rejected.getString("stateReason").contains("not a qcow2 image"), rejected.toString());
        Api.Reply again = Api.putFile("/api/v1/images/" + id + "/file", alice, script);
        assertEquals(409, again.status(), "a rejected image takes no other file: " + again.body());
    }

    @Test
    void a_client_that_goes_away_mid_upload_leaves_the_image_saying_so_and_deletable() throws Exception {
        String alice = Api.tokenFor("alice");
        long id = Api.post("/api/v1/images", alice, """
                {"name":"%s","os":"Linux","osVersion":"1","format":"raw"}""".formatted(Instances.randomName()))
                .object().getJsonNumber("id").longValue();
        made.add(id);
        java.net.URI portal = java.net.URI.create(Api.PORTAL);
        try (java.net.Socket socket = new java.net.Socket(portal.getHost(), portal.getPort())) {
            var out = socket.getOutputStream();
            out.write(("PUT /api/v1/images/" + id + "/file HTTP/1.1\r\nHost: " + portal.getHost() + "\r\n"
                    + "Authorization: Bearer " + alice + "\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Length: " + (64L << 20) + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.write(new byte[4 << 20]);
            out.flush();
            Thread.sleep(500);
        }

        JsonObject image = null;
        for (int i = 0; i < 60; i++) {
            image = Api.get("/api/v1/images/" + id, alice).object();
            if (image.getString("state").equals("QUEUED") && image.containsKey("stateReason")
                    && !image.isNull("stateReason")) {
                break;
            }
            Thread.sleep(500);
        }
        assertEquals("QUEUED", image.getString("state"), image.toString());
        assertTrue(image.getString("stateReason").contains("cut off"), image.toString());
        assertEquals(204, Api.delete("/api/v1/images/" + id, alice).status());
    }

    @Test
    void a_member_cannot_register_and_unknown_properties_are_refused() {
        Api.Reply member = Api.post("/api/v1/images", Api.tokenFor("ann"), """
                {"name":"mine","os":"Linux","osVersion":"1","format":"qcow2"}""");
        assertEquals(403, member.status(), member.body());
        Api.Reply unknown = Api.post("/api/v1/images", Api.tokenFor("alice"), """
                {"name":"typo","os":"Linux","osVersion":"1","fromat":"qcow2"}""");
        assertEquals(400, unknown.status(), unknown.body());
        assertTrue(unknown.body().contains("fromat"), unknown.body());
    }

    /** Waits for the image to leave UPLOADING and VALIDATING. */
    /** Waits while the image is being copied, uploaded or validated; answers it as it is then. */
    static JsonObject await(String token, long id) throws InterruptedException {
        for (int i = 0; i < 120; i++) {
            JsonObject image = Api.get("/api/v1/images/" + id, token).object();
            String state = image.getString("state");
            boolean copying = state.equals("QUEUED") && image.containsKey("sourceInstance") && !image.isNull("sourceInstance");
            if (!copying && !state.equals("UPLOADING") && !state.equals("VALIDATING")) {
                return image;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("image " + id + " still being copied or validated after 60 s");
    }
}
