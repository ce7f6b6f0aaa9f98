package cloud.minicloud.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Many orders released at once: the quota and a node's capacity each let exactly as many through as fit. */
class InstanceConcurrencyIT {

    /** Other tests (the networks page's empty state) expect the tenants to have no networks of ours left. */
    @BeforeAll
    static void theLocalNodeIsReady() throws InterruptedException {
        Instances.awaitLocalNode();
    }

    @AfterAll
    static void removeTheNetwork() {
        Instances.deleteNetwork("ann", "it-race");
        Instances.deleteNetwork("bob", "it-race");
    }


    private static final int ORDERS = 12;

    @Test
    void concurrent_orders_never_pass_the_instance_quota() throws Exception {
        String bob = Api.tokenFor("bob");
        String admin = Api.tokenFor("admin");
        String network = Instances.network(bob, "it-race");
        long used = Instances.used(bob, "instances");
        setQuota(admin, "globex", used + 3);
        try {
            Map<String, Integer> outcomes = race(List.of(bob), network);

            assertEquals(3, outcomes.getOrDefault("accepted", 0), outcomes.toString());
            assertEquals(ORDERS - 3, outcomes.getOrDefault("quota-exceeded", 0), outcomes.toString());
            assertEquals(used + 3, Instances.used(bob, "instances"));
        } finally {
            deleteEverything(bob);
            setQuota(admin, "globex", 10);
        }
        assertEquals(used, Instances.used(bob, "instances"), "deletes give every reservation back");
    }

    @Test
    void concurrent_orders_of_two_tenants_never_overfill_the_node() throws Exception {
        String ann = Api.tokenFor("ann");
        String bob = Api.tokenFor("bob");
        String admin = Api.tokenFor("admin");
        awaitNoClaims(admin);
        // two cores at 2.00 make 4 vCPUs: room for exactly four entry instances
        configureLocalNode(admin, "2.00");
        try {
            Map<String, Integer> outcomes = race(List.of(ann, bob), null);

            assertEquals(4, outcomes.getOrDefault("accepted", 0), outcomes.toString());
            assertEquals(ORDERS - 4, outcomes.getOrDefault("no-capacity", 0), outcomes.toString());
            assertEquals(4, Instances.localNode(admin).getJsonObject("claimed").getInt("vcpus"));
        } finally {
            configureLocalNode(admin, "4.00");
            deleteEverything(ann);
            deleteEverything(bob);
        }
        assertEquals(0, Instances.localNode(admin).getJsonObject("claimed").getInt("vcpus"), "deletes give the node's capacity back");
    }

    /** ORDERS entry launches, spread over the users, released at once; answers the problem types (or accepted) counted. */
    private static Map<String, Integer> race(List<String> users, String sharedNetwork) throws Exception {
        List<String> networks = new ArrayList<>();
        for (String user : users) {
            networks.add(sharedNetwork != null ? sharedNetwork : Instances.network(user, "it-race"));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(ORDERS);
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < ORDERS; i++) {
                String user = users.get(i % users.size());
                String network = networks.get(i % users.size());
                calls.add(pool.submit(() -> {
                    start.await();
                    Api.Reply reply = Api.post("/api/v1/instances", user, Instances.order(Instances.randomName(), "entry", network, 1));
                    outcomes.merge(reply.status() == 202 ? "accepted" : reply.problem(), 1, Integer::sum);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return outcomes;
    }

    private static void deleteEverything(String token) throws InterruptedException {
        List<String> ids = Api.get("/api/v1/instances?limit=500", token).object().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject)
                .filter(i -> i.getString("name").startsWith("it-"))
                .map(i -> i.getString("id"))
                .toList();
        Instances.deleteAll(token, ids);
    }

    private static void setQuota(String admin, String tenant, long instances) {
        Api.Reply reply = Api.put("/api/v1/admin/tenants/" + tenant + "/quota", admin,
                "{\"instances\":" + instances + ",\"vcpus\":20,\"memoryMib\":40960,\"diskGib\":500,\"networks\":5}");
        assertEquals(200, reply.status(), reply.body());
    }

    private static void configureLocalNode(String admin, String cpuRatio) {
        Api.Reply reply = Api.put("/api/v1/admin/nodes/local", admin, "{\"cpuRatio\":" + cpuRatio
                + ",\"memoryRatio\":1.00,\"diskRatio\":1.00,\"enabled\":true,\"maintenance\":false}");
        assertEquals(200, reply.status(), reply.body());
    }

    private static void awaitNoClaims(String admin) throws InterruptedException {
        for (int i = 0; i < 120 && Instances.localNode(admin).getJsonObject("claimed").getInt("vcpus") > 0; i++) {
            Thread.sleep(1000);
        }
        assertTrue(Instances.localNode(admin).getJsonObject("claimed").getInt("vcpus") == 0, "other tests' instances are gone");
    }
}
