package cloud.minicloud.web.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.UUID;

/** Launching and watching instances through the REST API, as a script would. */
final class Instances {

    private Instances() {
    }

    /** Waits until the server has probed the local node (its first probe may boot the KVM canary). */
    static void awaitLocalNode() throws InterruptedException {
        String admin = Api.tokenFor("admin");
        for (int i = 0; i < 180; i++) {
            JsonObject local = localNode(admin);
            if (local.getBoolean("reachable") && !local.isNull("virtType")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the local node was not probed within 90 s");
    }

    /** The local compute node as cloud admins see it. */
    static JsonObject localNode(String admin) {
        return Api.get("/api/v1/admin/nodes", admin).json().asJsonArray().stream()
                .map(JsonValue::asJsonObject)
                .filter(node -> node.getString("name").equals("local"))
                .findFirst()
                .orElseThrow();
    }

    /** A network of the user's tenant for instances, created once per test class that asks. */
    static String network(String token, String name) {
        return Api.get("/api/v1/networks?limit=500", token).object().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject)
                .filter(n -> n.getString("name").equals(name))
                .map(n -> n.getString("id"))
                .findFirst()
                .orElseGet(() -> Api.post("/api/v1/networks", token, "{\"name\":\"" + name + "\"}").object().getString("id"));
    }

    /** Removes the user's network of that name, if there is one (its instances must be gone). */
    static void deleteNetwork(String user, String name) {
        String token = Api.tokenFor(user);
        Api.get("/api/v1/networks?limit=500", token).object().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject)
                .filter(n -> n.getString("name").equals(name))
                .forEach(n -> Api.delete("/api/v1/networks/" + n.getString("id"), token));
    }

    static String order(String name, String flavor, String network, int count) {
        return order(name, flavor, network, count, "tiny-linux");
    }

    static String order(String name, String flavor, String network, int count, String image) {
        return "{\"name\":\"" + name + "\",\"flavor\":\"" + flavor + "\",\"image\":\"" + image + "\",\"network\":\"" + network
                + "\",\"systemDiskGib\":1,\"password\":\"Tiny-pass-1\",\"count\":" + count + "}";
    }

    /** Launches one instance of tiny-linux and answers its id. */
    static String launch(String token, String name, String flavor, String network) {
        return launch(token, name, flavor, network, "tiny-linux");
    }

    static String launch(String token, String name, String flavor, String network, String image) {
        Api.Reply reply = Api.post("/api/v1/instances", token, order(name, flavor, network, 1, image));
        if (reply.status() != 202) {
            throw new AssertionError("launch refused: " + reply.body());
        }
        return reply.object().getJsonArray("instances").getJsonObject(0).getString("id");
    }

    static JsonObject get(String token, String id) {
        return Api.get("/api/v1/instances/" + id, token).object();
    }

    /** Waits until the instance is in the state; fails with its last state and reason if it is not within the time. */
    static JsonObject await(String token, String id, String state, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        JsonObject instance;
        do {
            Api.Reply reply = Api.get("/api/v1/instances/" + id, token);
            if (reply.status() == 404 && state.equals("DELETED")) {
                return null;
            }
            instance = reply.object();
            if (instance.getString("state").equals(state)) {
                return instance;
            }
            if (instance.getString("state").equals("ERROR") && !state.equals("ERROR")) {
                throw new AssertionError("instance went to ERROR: " + instance);
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("instance not " + state + " within " + seconds + " s: " + instance);
    }

    /** Deletes the instances and waits until each is gone. */
    static void deleteAll(String token, List<String> ids) throws InterruptedException {
        for (String id : ids) {
            Api.delete("/api/v1/instances/" + id, token);
        }
        for (String id : ids) {
            await(token, id, "DELETED", 120);
        }
    }

    static long used(String token, String resource) {
        return Api.get("/api/v1/quota", token).object().getJsonObject("used").getJsonNumber(resource).longValue();
    }

    static String randomName() {
        return "it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Whether the guest's serial console shows the marker within the time. */
    static boolean awaitConsole(String token, String id, String marker, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            String output = Api.get("/api/v1/instances/" + id + "/console-log", token).object().getString("output");
            if (output.contains(marker)) {
                return true;
            }
            Thread.sleep(1000);
        }
        return false;
    }
}
