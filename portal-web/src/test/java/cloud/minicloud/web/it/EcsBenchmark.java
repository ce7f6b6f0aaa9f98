package cloud.minicloud.web.it;

import com.aliyun.ecs20140526.Client;
import com.aliyun.ecs20140526.models.DescribeInstancesRequest;
import com.aliyun.ecs20140526.models.DescribeRegionsRequest;
import com.aliyun.teaopenapi.models.Config;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * What a call through the ECS-compatible API costs on the running cloud, signed by Alibaba Cloud's
 * own SDK (ACS3), against the same list through the REST API with a bearer token: each call's round
 * trip over loopback, one at a time. The ECS door checks the signature, records the nonce and asks
 * Keycloak who the key's user is now on every call. Not a test; deploy/bench/ecs-benchmark.sh runs it.
 */
public final class EcsBenchmark {

    private static final int WARM_UP = 20;

    public static void main(String[] args) throws Exception {
        int calls = Integer.getInteger("bench.calls", 200);
        String endpoint = System.getProperty("ecs.endpoint", "127.0.0.1:8081");
        String ann = Api.tokenFor("ann");
        JsonObject key = Api.post("/api/v1/access-keys", ann, "").object();
        try {
            Client ecs = new Client(new Config().setAccessKeyId(key.getString("accessKeyId"))
                    .setAccessKeySecret(key.getString("accessKeySecret")).setEndpoint(endpoint).setProtocol("http"));
            time("ECS DescribeRegions (SDK, ACS3)", calls, () -> ecs.describeRegions(new DescribeRegionsRequest()));
            time("ECS DescribeInstances, first page (SDK, ACS3)", calls,
                    () -> ecs.describeInstances(new DescribeInstancesRequest().setRegionId("cn-minicloud")));
            time("REST GET /api/v1/instances, first page (bearer token)", calls, () -> {
                Api.Reply reply = Api.get("/api/v1/instances?limit=10", ann);
                if (reply.status() != 200) {
                    throw new IllegalStateException("the REST API answered " + reply.status());
                }
                return reply;
            });
        } finally {
            Api.delete("/api/v1/access-keys/" + key.getString("accessKeyId"), ann);
        }
    }

    private static void time(String what, int calls, Callable<?> call) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            call.call();
        }
        List<Long> micros = new ArrayList<>();
        long began = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            call.call();
            micros.add((System.nanoTime() - start) / 1_000);
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        List<Long> sorted = micros.stream().sorted().toList();
        System.out.printf("%-55s p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms  %5.0f calls/s  (n=%d)%n", what,
                sorted.get(sorted.size() / 2) / 1000.0, sorted.get(sorted.size() * 95 / 100) / 1000.0,
                sorted.get(sorted.size() - 1) / 1000.0, calls / seconds, calls);
    }
}
