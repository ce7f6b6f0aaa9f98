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
 * boot, and the failures. Then the bare floor in the same run: as many of the same guests at once
 * (system disk, first-boot seed, a NIC on the tenant's network, serial log, screen) made with
 * qemu-img (linked clone), genisoimage and virsh (define, start) as processes, with no control
 * plane at all.
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
        Map<String, String> networks = new ConcurrentHashMap<>();
        for (String user : users) {
            networks.put(user, Instances.network(Api.tokenFor(user), "bench"));
        }
        warmUp(users.get(0), networks.get(users.get(0)), Math.min(total, 5));
        List<Sample> samples = new ArrayList<>();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        List<String[]> launched = Collections.synchronizedList(new ArrayList<>());
        String run = "bench-" + UUID.randomUUID().toString().substring(0, 6);
        try {
            ExecutorService pool = Executors.newFixedThreadPool(total);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> orders = new ArrayList<>();
            for (String user : users) {
                String token = Api.tokenFor(user);
                for (int i = 0; i < perTenant; i++) {
                    orders.add(pool.submit(() -> {
                        go.await();
                        Api.Reply reply = Api.post("/api/v1/instances", token,
                                Instances.order(run + "-" + Instances.randomName(), "entry", networks.get(user), 1));
                        if (reply.status() != 202) {
                            failures.merge("refused: " + reply.problem() + " (" + reply.object().getString("detail", "") + ")",
                                    1, Integer::sum);
                        } else {
                            launched.add(new String[] {user, reply.object().getJsonArray("instances").getJsonObject(0).getString("id")});
                        }
                        return null;
                    }));
                }
            }
            Instant start = Instant.now();
            go.countDown();
            for (Future<?> order : orders) {
                order.get();
            }
            pool.shutdown();
            // One poller, once a second: the measurement must not load the two cores it measures.
            // The times themselves come from the server (createdAt, stateChangedAt, task steps).
            Map<String, JsonObject> settled = awaitSettled(admin, run, launched.size());
            Duration wall = Duration.between(start, Instant.now());
            for (String[] instance : launched) {
                JsonObject seen = settled.get(instance[1]);
                if (!"RUNNING".equals(seen.getString("state"))) {
                    failures.merge("ended " + seen.getString("state") + ": " + seen.getString("stateReason"), 1, Integer::sum);
                } else {
                    samples.add(measure(Api.tokenFor(instance[0]), seen, timeBoots));
                }
            }

            System.out.printf("%d tenants x %d instances (entry, tiny-linux), all ordered at once; all settled %.1f s after the orders%n",
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
            deleteAll(launched);
            roomy.undo();
        }

        List<Duration> floor = BareFloor.launch(total,
                Instances.localNode(Api.tokenFor("admin")).getString("virtType").toLowerCase(java.util.Locale.ROOT),
                "mcnet-" + networks.get(users.get(0)));
        System.out.println();
        System.out.printf("bare floor, same run: %d of the same guests at once with qemu-img create -b + genisoimage"
                + " + virsh define + virsh start%n", total);
        print("order -> running", floor);
        if (!samples.isEmpty()) {
            long portal = percentile(samples.stream().map(s -> s.total().toMillis()).sorted().toList(), 95);
            long bare = percentile(floor.stream().map(Duration::toMillis).sorted().toList(), 95);
            System.out.printf("the control plane adds %d ms at p95 over the bare floor (%d ms vs %d ms)%n", portal - bare, portal, bare);
        }
        System.exit(0);
    }

    /**
     * A few launches at once first, not measured: a server's first launches after it started pay
     * for class loading and JIT compilation, which a cloud that runs for days has long paid.
     */
    private static void warmUp(String user, String network, int count) throws InterruptedException {
        String token = Api.tokenFor(user);
        Api.Reply reply = Api.post("/api/v1/instances", token, Instances.order("bench-warm-up", "entry", network, count));
        List<String> ids = reply.object().getJsonArray("instances").stream().map(i -> i.asJsonObject().getString("id")).toList();
        for (String id : ids) {
            Instances.await(token, id, "RUNNING", 300);
        }
        Instances.deleteAll(token, ids);
    }

    /** Polls the instances of this run once a second until each is RUNNING or ERROR; answers the last view of each. */
    private static Map<String, JsonObject> awaitSettled(String admin, String run, int count) throws InterruptedException {
        Map<String, JsonObject> settled = new ConcurrentHashMap<>();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(15));
        while (settled.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(1000);
            Api.get("/api/v1/admin/instances?limit=200&name=" + run, Api.tokenFor("admin")).object().getJsonArray("items").stream()
                    .map(JsonValue::asJsonObject)
                    .filter(i -> i.getString("state").equals("RUNNING") || i.getString("state").equals("ERROR"))
                    .forEach(i -> settled.putIfAbsent(i.getString("id"), i));
        }
        return settled;
    }

    private static void deleteAll(List<String[]> launched) throws InterruptedException {
        for (String[] instance : launched) {
            Api.delete("/api/v1/instances/" + instance[1], Api.tokenFor(instance[0]));
        }
        for (String[] instance : launched) {
            Instances.await(Api.tokenFor(instance[0]), instance[1], "DELETED", 600);
        }
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

    private static Sample measure(String token, JsonObject running, boolean timeBoot) throws InterruptedException {
        String id = running.getString("id");
        Instant created = Instant.parse(running.getString("createdAt"));
        Instant runningAt = Instant.parse(running.getString("stateChangedAt"));
        Duration boot = Duration.ZERO;
        if (timeBoot) {
            // Boots are timed after every launch settled, one instance after another.
            while (!Api.get("/api/v1/instances/" + id + "/console-log", token).object().getString("output").contains(MARKER)) {
                Thread.sleep(500);
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

        static List<Duration> launch(int count, String virtType, String network) throws Exception {
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
                    Path seed = dir.resolve("floor-" + id + "-seed.iso");
                    Path seedFiles = Files.createTempDirectory("floor-seed");
                    Files.writeString(seedFiles.resolve("meta-data"), "instance-id: " + id + "\nlocal-hostname: floor\n");
                    Files.writeString(seedFiles.resolve("user-data"), "#cloud-config\n");
                    Path xml = Files.createTempFile("floor", ".xml");
                    Files.writeString(xml, domain(id, virtType, disk, seed, network));
                    go.await();
                    Instant start = Instant.now();
                    run("qemu-img", "create", "-q", "-f", "qcow2", "-F", "qcow2", "-b", template, disk.toString(), "1G");
                    run("genisoimage", "-quiet", "-output", seed.toString(), "-volid", "cidata", "-joliet", "-rock",
                            seedFiles.resolve("meta-data").toString(), seedFiles.resolve("user-data").toString());
                    run("virsh", "-q", "-c", "qemu:///system", "define", xml.toString());
                    run("virsh", "-q", "-c", "qemu:///system", "start", id.toString());
                    Duration took = Duration.between(start, Instant.now());
                    Files.delete(xml);
                    Files.delete(seedFiles.resolve("meta-data"));
                    Files.delete(seedFiles.resolve("user-data"));
                    Files.delete(seedFiles);
                    return took;
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
                Files.deleteIfExists(dir.resolve("floor-" + id + "-seed.iso"));
                Files.deleteIfExists(Path.of("/var/log/libvirt/qemu/floor-" + id + "-serial.log"));
            }
            return took;
        }

        /** The devices minicloud gives a guest: system disk, seed, NIC on the tenant network, serial log, screen. */
        private static String domain(UUID id, String type, Path disk, Path seed, String network) {
            String mac = "52:54:00:%02x:%02x:%02x".formatted(id.hashCode() & 0xff, (id.hashCode() >> 8) & 0xff,
                    (id.hashCode() >> 16) & 0xff);
            return """
                    <domain type='%s'><name>%s</name><uuid>%s</uuid><memory unit='MiB'>1024</memory><vcpu>1</vcpu>
                    <os><type arch='x86_64'>hvm</type></os><features><acpi/><apic/></features><devices>
                    <disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='%s'/><target dev='vda' bus='virtio'/></disk>
                    <disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='%s'/><target dev='vdb' bus='virtio'/><readonly/></disk>
                    <interface type='network'><source network='%s'/><mac address='%s'/><model type='virtio'/></interface>
                    <serial type='pty'><log file='/var/log/libvirt/qemu/floor-%s-serial.log' append='on'/></serial>
                    <graphics type='vnc' autoport='yes' listen='127.0.0.1'/></devices></domain>""".formatted(type, id, id, disk,
                    seed, network, mac, id);
        }

        private static void run(String... command) throws Exception {
            Host.Result result = Host.run(command);
            if (result.exitCode() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + result.output());
            }
        }
    }
}
