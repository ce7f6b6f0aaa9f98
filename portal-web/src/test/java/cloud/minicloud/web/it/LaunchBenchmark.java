package cloud.minicloud.web.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Several tenants launch instances at once through the REST API of a running cloud; prints the
 * accepted→RUNNING latency percentiles split into control plane, libvirt define+start and guest
 * boot, and the failures. Not a test: run deploy/bench/launch-benchmark.sh (after deploy/minicloud up).
 */
public final class LaunchBenchmark {

    private static final String MARKER = "MINICLOUD-BOOTED";

    private record Sample(Duration total, Duration controlPlane, Duration libvirt, Duration boot) {
    }

    public static void main(String[] args) throws Exception {
        // System properties, not arguments: exec.args would also reach the build's own exec steps.
        int perTenant = Integer.getInteger("bench.perTenant", 3);
        List<String> users = List.of(System.getProperty("bench.users", "ann,bob").split(","));
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(users.size() * perTenant);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> runs = new ArrayList<>();
        List<String[]> launched = Collections.synchronizedList(new ArrayList<>());
        for (String user : users) {
            String token = Api.tokenFor(user);
            String network = Instances.network(token, "bench");
            for (int i = 0; i < perTenant; i++) {
                runs.add(pool.submit(() -> {
                    go.await();
                    Api.Reply reply = Api.post("/api/v1/instances", token,
                            Instances.order("bench-" + Instances.randomName(), "entry", network, 1));
                    if (reply.status() != 202) {
                        failures.merge("refused: " + reply.problem(), 1, Integer::sum);
                        return null;
                    }
                    String id = reply.object().getJsonArray("instances").getJsonObject(0).getString("id");
                    launched.add(new String[] {user, id});
                    try {
                        samples.add(measure(token, id));
                    } catch (AssertionError | RuntimeException e) {
                        failures.merge("failed: " + e.getMessage(), 1, Integer::sum);
                    }
                    return null;
                }));
            }
        }
        Instant start = Instant.now();
        go.countDown();
        for (Future<?> run : runs) {
            run.get();
        }
        Duration wall = Duration.between(start, Instant.now());
        pool.shutdown();

        System.out.printf("%d tenants x %d instances (entry, tiny-linux), all ordered at once; wall time %.1f s%n",
                users.size(), perTenant, wall.toMillis() / 1000.0);
        print("accepted -> RUNNING", samples.stream().map(Sample::total).toList());
        print("  control plane (queue, network, template, bookkeeping)", samples.stream().map(Sample::controlPlane).toList());
        print("  libvirt clone+define+start", samples.stream().map(Sample::libvirt).toList());
        print("RUNNING -> boot marker on the console (guest boot)", samples.stream().map(Sample::boot).toList());
        System.out.println("failures: " + (failures.isEmpty() ? "none" : failures));

        for (String[] instance : launched) {
            Api.delete("/api/v1/instances/" + instance[1], Api.tokenFor(instance[0]));
        }
        for (String[] instance : launched) {
            Instances.await(Api.tokenFor(instance[0]), instance[1], "DELETED", 300);
        }
        System.exit(0);
    }

    private static Sample measure(String token, String id) throws InterruptedException {
        JsonObject running = Instances.await(token, id, "RUNNING", 600);
        Instant created = Instant.parse(running.getString("createdAt"));
        Instant runningAt = Instant.parse(running.getString("stateChangedAt"));
        Instant booted = null;
        while (booted == null) {
            if (Api.get("/api/v1/instances/" + id + "/console-log", token).object().getString("output").contains(MARKER)) {
                booted = Instant.now();
            } else {
                Thread.sleep(250);
            }
        }
        JsonObject launch = Api.get("/api/v1/instances/" + id + "/tasks", token).json().asJsonArray().stream()
                .map(JsonValue::asJsonObject)
                .filter(task -> task.getString("kind").equals("LAUNCH"))
                .findFirst()
                .orElseThrow();
        Instant defineStarted = stepTime(launch, "CREATE_DOMAIN", "startedAt");
        Instant startEnded = stepTime(launch, "START", "endedAt");
        Duration total = Duration.between(created, runningAt);
        Duration libvirt = Duration.between(defineStarted, startEnded);
        return new Sample(total, total.minus(libvirt), libvirt, Duration.between(runningAt, booted));
    }

    private static Instant stepTime(JsonObject task, String step, String field) {
        return task.getJsonArray("steps").stream()
                .map(JsonValue::asJsonObject)
                .filter(s -> s.getString("step").equals(step))
                .map(s -> Instant.parse(s.getString(field)))
                .reduce((first, last) -> last)
                .orElseThrow(() -> new IllegalStateException("no step " + step + " in " + task));
    }

    private static void print(String what, List<Duration> durations) {
        if (durations.isEmpty()) {
            System.out.printf("%-58s no samples%n", what);
            return;
        }
        List<Long> millis = durations.stream().map(Duration::toMillis).sorted().toList();
        System.out.printf("%-58s p50 %6d ms  p90 %6d ms  max %6d ms  (n=%d)%n", what,
                percentile(millis, 50), percentile(millis, 90), millis.get(millis.size() - 1), millis.size());
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
