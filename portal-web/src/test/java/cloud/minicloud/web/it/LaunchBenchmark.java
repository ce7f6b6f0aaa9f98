package cloud.minicloud.web.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Several tenants launch instances at once through the REST API of a running cloud; prints the
 * accepted→RUNNING latency percentiles split into control plane, libvirt define+start and guest
 * boot, and the failures. Then the bare floor in the same run: as many instances at once made with
 * qemu-img (linked clone) and virsh (define, start) as processes, with no control plane at all.
 * For the run it raises the tenants' quotas and the local node's overcommit as far as the order
 * needs, and puts them back after. Not a test: run deploy/bench/launch-benchmark.sh (after up).
 */
public final class LaunchBenchmark {

    private static final String MARKER = "MINICLOUD-BOOTED";
    /** Guest boots are timed only for runs this small: fifty TCG guests booting on two cores take minutes. */
    private static final int MAX_BOOTS_TIMED = 12;

    private record Sample(Duration total, Duration controlPlane, Duration libvirt, Duration boot) {
    }

    public static void main(String[] args) throws Exception {
        // System properties, not arguments: exec.args would also reach the build's own exec steps.
        int perTenant = Integer.getInteger("bench.perTenant", 3);
        List<String> users = List.of(System.getProperty("bench.users", "ann,bob").split(","));
        int total = perTenant * users.size();
        boolean timeBoots = total <= MAX_BOOTS_TIMED;
        String admin = Api.tokenFor("admin");
        Roomy roomy = Roomy.make(admin, users, perTenant);
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        List<String[]> launched = Collections.synchronizedList(new ArrayList<>());
        try {
            ExecutorService pool = Executors.newFixedThreadPool(total);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> runs = new ArrayList<>();
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
                            samples.add(measure(token, id, timeBoots));
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
            if (timeBoots) {
                print("RUNNING -> boot marker on the console (guest boot)", samples.stream().map(Sample::boot).toList());
            } else {
                System.out.printf("%-58s not timed for %d guests%n", "RUNNING -> boot marker on the console", total);
            }
            System.out.println("failures: " + (failures.isEmpty() ? "none" : failures));
        } finally {
            for (String[] instance : launched) {
                Api.delete("/api/v1/instances/" + instance[1], Api.tokenFor(instance[0]));
            }
            for (String[] instance : launched) {
                Instances.await(Api.tokenFor(instance[0]), instance[1], "DELETED", 600);
            }
            roomy.undo();
        }

        List<Duration> floor = BareFloor.launch(total,
                Instances.localNode(Api.tokenFor("admin")).getString("virtType").toLowerCase(java.util.Locale.ROOT));
        System.out.println();
        System.out.printf("bare floor, same run: %d instances at once with qemu-img create -b + virsh define + virsh start%n", total);
        print("order -> running", floor);
        if (!samples.isEmpty()) {
            long portal = percentile(samples.stream().map(s -> s.total().toMillis()).sorted().toList(), 95);
            long bare = percentile(floor.stream().map(Duration::toMillis).sorted().toList(), 95);
            System.out.printf("the control plane adds %d ms at p95 over the bare floor (%d ms vs %d ms)%n", portal - bare, portal, bare);
        }
        System.exit(0);
    }

    /**
     * Quotas and overcommit wide enough for the order, and the way back. The tenants get room for
     * their share; the local node's ratios grow so that every instance fits (tiny guests use a
     * fraction of what the entry flavor claims).
     */
    private record Roomy(String admin, Map<String, String> quotas, String nodeSettings) {

        static Roomy make(String admin, List<String> users, int perTenant) {
            Map<String, String> quotas = new ConcurrentHashMap<>();
            for (String user : users) {
                String tenant = Api.get("/api/v1/me", Api.tokenFor(user)).object().getString("tenant");
                JsonObject limits = Api.get("/api/v1/admin/tenants/" + tenant + "/quota", admin).object().getJsonObject("limits");
                quotas.put(tenant, limits.toString());
                Api.put("/api/v1/admin/tenants/" + tenant + "/quota", admin, """
                        {"instances":%d,"vcpus":%d,"memoryMib":%d,"diskGib":%d,"networks":%d}""".formatted(
                        Math.max(limits.getInt("instances"), perTenant + 5), Math.max(limits.getInt("vcpus"), perTenant + 5),
                        Math.max(limits.getInt("memoryMib"), (perTenant + 5) * 1024), Math.max(limits.getInt("diskGib"), perTenant + 50),
                        limits.getInt("networks")));
            }
            JsonObject node = Instances.localNode(admin);
            String before = settings(node.getJsonNumber("cpuRatio").toString(), node.getJsonNumber("memoryRatio").toString(),
                    node.getJsonNumber("diskRatio").toString());
            Api.Reply widened = Api.put("/api/v1/admin/nodes/local", admin, settings("64", "8", "64"));
            if (widened.status() != 200) {
                throw new IllegalStateException("could not widen the node's overcommit: " + widened.body());
            }
            return new Roomy(admin, quotas, before);
        }

        private static String settings(String cpu, String memory, String disk) {
            return "{\"cpuRatio\":" + cpu + ",\"memoryRatio\":" + memory + ",\"diskRatio\":" + disk
                    + ",\"enabled\":true,\"maintenance\":false}";
        }

        void undo() {
            quotas.forEach((tenant, limits) -> Api.put("/api/v1/admin/tenants/" + tenant + "/quota", Api.tokenFor("admin"), limits));
            Api.put("/api/v1/admin/nodes/local", Api.tokenFor("admin"), nodeSettings);
        }
    }

    private static Sample measure(String token, String id, boolean timeBoot) throws InterruptedException {
        JsonObject running = Instances.await(token, id, "RUNNING", 900);
        Instant created = Instant.parse(running.getString("createdAt"));
        Instant runningAt = Instant.parse(running.getString("stateChangedAt"));
        Duration boot = Duration.ZERO;
        if (timeBoot) {
            while (!Api.get("/api/v1/instances/" + id + "/console-log", token).object().getString("output").contains(MARKER)) {
                Thread.sleep(250);
            }
            boot = Duration.between(runningAt, Instant.now());
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
        return new Sample(total, total.minus(libvirt), libvirt, boot);
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
        System.out.printf("%-58s p50 %6d ms  p95 %6d ms  max %6d ms  (n=%d)%n", what,
                percentile(millis, 50), percentile(millis, 95), millis.get(millis.size() - 1), millis.size());
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** The same launches with no control plane: qemu-img and virsh as processes, all at once. */
    private static final class BareFloor {

        static List<Duration> launch(int count, String virtType) throws Exception {
            String template = Host.run("bash", "-c", "virsh -q -c qemu:///system vol-list minicloud | awk '/template-sha256-/ {print $2; exit}'")
                    .output().strip();
            if (template.isEmpty()) {
                throw new IllegalStateException("no template on the local node's pool: launch once first");
            }
            Path dir = Path.of(template).getParent();
            ExecutorService pool = Executors.newFixedThreadPool(count);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Duration>> runs = new ArrayList<>();
            List<UUID> ids = Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < count; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                Callable<Duration> run = () -> {
                    Path disk = dir.resolve("floor-" + id + ".qcow2");
                    Path xml = Files.createTempFile("floor", ".xml");
                    Files.writeString(xml, domain(id, virtType, disk));
                    go.await();
                    Instant start = Instant.now();
                    run("qemu-img", "create", "-q", "-f", "qcow2", "-F", "qcow2", "-b", template, disk.toString(), "1G");
                    run("virsh", "-q", "-c", "qemu:///system", "define", xml.toString());
                    run("virsh", "-q", "-c", "qemu:///system", "start", id.toString());
                    Files.delete(xml);
                    return Duration.between(start, Instant.now());
                };
                runs.add(pool.submit(run));
            }
            go.countDown();
            List<Duration> took = new ArrayList<>();
            for (Future<Duration> run : runs) {
                took.add(run.get());
            }
            pool.shutdown();
            for (UUID id : ids) {
                Host.run("virsh", "-q", "-c", "qemu:///system", "destroy", id.toString());
                Host.run("virsh", "-q", "-c", "qemu:///system", "undefine", id.toString());
                Files.deleteIfExists(dir.resolve("floor-" + id + ".qcow2"));
            }
            return took;
        }

        private static String domain(UUID id, String type, Path disk) {
            return """
                    <domain type='%s'><name>%s</name><uuid>%s</uuid><memory unit='MiB'>1024</memory><vcpu>1</vcpu>
                    <os><type arch='x86_64'>hvm</type></os><devices><disk type='file' device='disk'>
                    <driver name='qemu' type='qcow2'/><source file='%s'/><target dev='vda' bus='virtio'/></disk>
                    <graphics type='vnc' autoport='yes' listen='127.0.0.1'/></devices></domain>""".formatted(type, id, id, disk);
        }

        private static void run(String... command) throws Exception {
            Host.Result result = Host.run(command);
            if (result.exitCode() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + result.output());
            }
        }
    }
}
