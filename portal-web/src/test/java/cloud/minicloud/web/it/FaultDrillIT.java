package cloud.minicloud.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Fault drills. Launches and operations meet, one at a time: the portal's server killed with
 * SIGKILL at every step of an instance's life (the template copy included), libvirtd killed and
 * started again, MariaDB restarted. Every order must end in a true final state with nothing
 * orphaned (domain, disk, address, quota, capacity claim); each drill prints how long the portal
 * (or the daemon) was down and how long until everything had settled.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultDrillIT {

    private static final Path JBOSS_HOME = Path.of(System.getProperty("it.jboss.home", "target/server"));
    private static final String NETWORK = "it-drill";
    private static final int SETTLE_SECONDS = 150;

    @BeforeAll
    static void theLocalNodeIsReady() throws InterruptedException {
        Instances.awaitLocalNode();
    }

    /**
     * A drill that failed midway leaves no armed failpoint for the next test's tasks to hang at,
     * and no instance holding the quota the next drill needs.
     */
    @AfterEach
    void removeWhatTheDrillLeft() throws InterruptedException {
        Api.delete("/api/v1/admin/failpoints", Api.tokenFor("admin"));
        String ann = Api.tokenFor("ann");
        List<String> left = Api.get("/api/v1/instances?limit=100", ann).object().getJsonArray("items").stream()
                .map(i -> i.asJsonObject())
                .filter(i -> NETWORK.equals(i.getString("networkName", "")))
                .map(i -> i.getString("id"))
                .toList();
        Instances.deleteAll(ann, left);
    }

    /** Other tests (the networks page's empty state) expect the tenants to have no networks of ours left. */
    @AfterAll
    static void removeTheNetwork() throws InterruptedException {
        Instances.deleteNetwork("ann", NETWORK);
    }

    /** What the tenant and the node hold now, to prove a drill left nothing behind. */
    private record Holdings(long instances, long vcpus, int claimedVcpus, int addresses) {
        static Holdings now(String network) {
            String ann = Api.tokenFor("ann");
            return new Holdings(Instances.used(ann, "instances"), Instances.used(ann, "vcpus"),
                    Instances.localNode(Api.tokenFor("admin")).getJsonObject("claimed").getInt("vcpus"),
                    Api.get("/api/v1/networks/" + network, ann).object().getInt("instances"));
        }
    }

    /**
     * Two instances, killed together: while one (launched) goes through its launch's steps, the
     * other (already running) goes through its operations, and each kill strikes both at once.
     */
    @Test
    @Order(1)
    void an_instance_lives_its_whole_life_through_a_kill_at_every_step() throws Exception {
        String network = Instances.network(Api.tokenFor("ann"), NETWORK);
        Holdings before = Holdings.now(network);
        String operated = Instances.launch(Api.tokenFor("ann"), Instances.randomName(), "entry", network);
        settle(operated, "RUNNING");

        arm("before:ENSURE_NETWORK");
        String launched = Instances.launch(Api.tokenFor("ann"), Instances.randomName(), "entry", network);
        String stop = act(operated, "before:STOP", "/actions", "{\"action\":\"stop\"}");
        killAt(List.of("before:ENSURE_NETWORK", stop), "after:ENSURE_TEMPLATE@" + launched);
        settle(operated, "STOPPED");
        String resize = act(operated, "after:RESIZE", "/resize", "{\"flavor\":\"general\"}");
        killAt(List.of("after:ENSURE_TEMPLATE@" + launched, resize), "after:CREATE_DOMAIN@" + launched);
        settle(operated, "STOPPED");
        assertEquals("general", Instances.get(Api.tokenFor("ann"), operated).getString("flavor"));
        String start = act(operated, "after:START", "/actions", "{\"action\":\"start\"}");
        killAt(List.of("after:CREATE_DOMAIN@" + launched, start), "before:START@" + launched);
        settle(operated, "RUNNING");
        String reboot = act(operated, "before:REBOOT", "/actions", "{\"action\":\"reboot\"}");
        killAt(List.of("before:START@" + launched, reboot), null);
        settle(operated, "RUNNING");
        settle(launched, "RUNNING");
        assertEquals(1, domainsNamed(launched), "exactly one domain for the instance on the node");
        assertEquals(2, stepRuns(launched, "CREATE_DOMAIN"), "the step the server died in ran again after the restart");
        assertEquals(before.vcpus() + 1 + Instances.get(Api.tokenFor("ann"), operated).getInt("vcpus"),
                Instances.used(Api.tokenFor("ann"), "vcpus"), "the quota is held once for each");

        arm("after:DELETE_DOMAIN@" + launched);
        Api.delete("/api/v1/instances/" + launched, Api.tokenFor("ann"));
        killAt(List.of("after:DELETE_DOMAIN@" + launched), "before:RELEASE@" + launched);
        killAt(List.of("before:RELEASE@" + launched), null);
        settle(launched, "DELETED");
        assertEquals(0, domainsNamed(launched), "its domain is gone");
        assertEquals(List.of(), volumesOf(launched), "its disks are gone");
        Instances.deleteAll(Api.tokenFor("ann"), List.of(operated));
        assertEquals(before, Holdings.now(network), "quota, capacity claims and addresses came back exactly once");
    }

    @Test
    @Order(2)
    void a_template_copy_cut_short_by_a_kill_is_removed_and_copied_again() throws Exception {
        List<String> templates = volumes().stream().filter(v -> v.startsWith("template-sha256-")).toList();
        Assumptions.assumeTrue(templates.stream().noneMatch(FaultDrillIT::backsAnything),
                "a template on this node backs another cloud's disks: not removing it for the drill");
        for (String template : templates) {
            Host.run("virsh", "-q", "-c", "qemu:///system", "vol-delete", "--pool", "minicloud", template);
        }
        String network = Instances.network(Api.tokenFor("ann"), NETWORK);
        Holdings before = Holdings.now(network);

        arm("during:ENSURE_TEMPLATE");
        String id = Instances.launch(Api.tokenFor("ann"), Instances.randomName(), "entry", network);
        killAt(List.of("during:ENSURE_TEMPLATE"), null);
        settle(id, "RUNNING");

        assertEquals(1, volumes().stream().filter(v -> v.startsWith("template-sha256-")).count(),
                "one complete template: the cut copy was removed and the image copied again");
        Instances.deleteAll(Api.tokenFor("ann"), List.of(id));
        assertEquals(before, Holdings.now(network));
    }

    @Test
    @Order(3)
    void launches_go_on_when_libvirtd_is_killed_and_started_again() throws Exception {
        Daemons.Daemon libvirtd = Daemons.recorded("run/libvirtd.pid").orElse(null);
        Assumptions.assumeTrue(libvirtd != null, "libvirtd was not started by deploy/minicloud: not killing it");
        launchesRideOut("libvirtd killed (SIGKILL) during 3 launches", "libvirtd down", () -> {
            try {
                Daemons.stop(libvirtd, "KILL");
                Thread.sleep(3000);
            } finally {
                Daemons.start(libvirtd, Daemons.STATE.resolve("log/libvirtd.log"), Daemons.STATE.resolve("run/libvirtd.pid"));
            }
        });
    }

    @Test
    @Order(4)
    void launches_go_on_when_mariadb_restarts() throws Exception {
        Daemons.Daemon mariadb = Daemons.recorded("mariadb/mariadb.pid").orElse(null);
        Assumptions.assumeTrue(mariadb != null, "MariaDB was not started by deploy/minicloud: not stopping it");
        launchesRideOut("MariaDB stopped for 5 s during 3 launches", "portal without its database", () -> {
            try {
                Daemons.stop(mariadb, "TERM");
                Thread.sleep(5000);
            } finally {
                Daemons.start(mariadb, Daemons.STATE.resolve("log/mariadb.log"), null);
            }
            awaitHealthy();
        });
    }

    @FunctionalInterface
    private interface Fault {
        void strike() throws Exception;
    }

    /** Orders 3 launches, strikes at once, and proves they all end RUNNING with nothing left over once deleted. */
    private static void launchesRideOut(String drill, String what, Fault fault) throws Exception {
        String network = Instances.network(Api.tokenFor("ann"), NETWORK);
        Holdings before = Holdings.now(network);
        List<String> ids = order(network, 3);

        Instant struck = Instant.now();
        fault.strike();
        Duration down = Duration.between(struck, Instant.now());
        for (String id : ids) {
            settle(id, "RUNNING");
            assertEquals(1, domainsNamed(id));
        }
        report(drill, what, down, struck);

        Instances.deleteAll(Api.tokenFor("ann"), ids);
        assertEquals(before, Holdings.now(network));
    }

    /** Orders {@code count} tiny instances for ann at once. */
    private static List<String> order(String network, int count) {
        Api.Reply reply = Api.post("/api/v1/instances", Api.tokenFor("ann"),
                Instances.order(Instances.randomName(), "entry", network, count));
        assertEquals(202, reply.status(), reply.body());
        List<String> ids = new ArrayList<>();
        reply.object().getJsonArray("instances").forEach(i -> ids.add(i.asJsonObject().getString("id")));
        return ids;
    }

    /** Arms the failpoint for the instance and takes the action, which hangs there; answers the point armed. */
    private static String act(String id, String step, String path, String body) {
        String failpoint = step + "@" + id;
        arm(failpoint);
        Api.Reply reply = Api.post("/api/v1/instances/" + id + path, Api.tokenFor("ann"), body);
        assertEquals(202, reply.status(), reply.body());
        return failpoint;
    }

    private static void arm(String failpoint) {
        Api.Reply reply = Api.put("/api/v1/admin/failpoints/" + failpoint, Api.tokenFor("admin"), "{}");
        assertEquals(204, reply.status(), reply.body());
    }

    /**
     * Waits until tasks hang at every one of the failpoints, kills the server there (SIGKILL), and
     * starts it again with {@code next} armed, so a task can be killed again at its next step.
     * Prints how long the portal was down and how long the tasks took to move on.
     */
    private static void killAt(List<String> failpoints, String next) throws Exception {
        for (String failpoint : failpoints) {
            awaitReached(failpoint);
        }
        Instant killed = Instant.now();
        ProcessHandle server = testServer();
        Map<String, String> settings = cloudSettings(server);
        server.destroyForcibly();
        server.onExit().get();
        restart(next, settings);
        Duration down = Duration.between(killed, Instant.now());
        if (next != null) {
            awaitReached(next);
        }
        System.out.printf("drill: server killed at %-60s portal down %5.1f s, the tasks moved on %5.1f s after the kill%n",
                failpoints.stream().map(p -> p.replaceAll("@.*", "")).toList(), seconds(down),
                seconds(Duration.between(killed, Instant.now())));
    }

    private static void report(String drill, String what, Duration down, Instant since) {
        System.out.printf("drill: %s: %s %.1f s, every order settled %.1f s after it began%n", drill, what,
                seconds(down), seconds(Duration.between(since, Instant.now())));
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static void awaitReached(String failpoint) throws InterruptedException {
        String admin = Api.tokenFor("admin");
        for (int i = 0; i < 2 * SETTLE_SECONDS; i++) {
            if (Api.get("/api/v1/admin/failpoints", admin).json().asJsonArray().stream()
                    .anyMatch(point -> point.toString().equals("\"" + failpoint + "\""))) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no task reached " + failpoint);
    }

    /** Waits for the final state, riding out the moments the portal or its database are away. */
    private static void settle(String id, String state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(SETTLE_SECONDS).toNanos();
        String last = "unknown";
        while (System.nanoTime() < deadline) {
            try {
                Api.Reply reply = Api.get("/api/v1/instances/" + id, Api.tokenFor("ann"));
                if (reply.status() == 404 && state.equals("DELETED")) {
                    return;
                }
                if (reply.status() == 200) {
                    JsonObject instance = reply.object();
                    last = instance.toString();
                    if (instance.getString("state").equals(state)) {
                        return;
                    }
                    assertTrue(!instance.getString("state").equals("ERROR"), "instance went to ERROR: " + instance);
                }
            } catch (RuntimeException away) {
                last = "portal away: " + away.getMessage();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("instance not " + state + " within " + SETTLE_SECONDS + " s: " + last);
    }

    /** How often the newest task of the instance ran the step (a STARTED row before the crash, another after). */
    private static long stepRuns(String id, String step) {
        return Api.get("/api/v1/instances/" + id + "/tasks", Api.tokenFor("ann")).json().asJsonArray().getJsonObject(0)
                .getJsonArray("steps").stream()
                .filter(s -> s.asJsonObject().getString("step").equals(step))
                .count();
    }

    private static long domainsNamed(String id) throws Exception {
        return Host.run("virsh", "-c", "qemu:///system", "list", "--all", "--name").output().lines()
                .filter(line -> line.strip().equals(id))
                .count();
    }

    private static List<String> volumes() throws Exception {
        Host.run("virsh", "-q", "-c", "qemu:///system", "pool-refresh", "minicloud");
        return Host.run("virsh", "-q", "-c", "qemu:///system", "vol-list", "minicloud").output().lines()
                .map(line -> line.strip().split("\\s+")[0])
                .filter(name -> !name.isEmpty())
                .toList();
    }

    private static List<String> volumesOf(String id) throws Exception {
        return volumes().stream().filter(v -> v.startsWith(id)).toList();
    }

    /** Whether any volume of the pool is a linked clone of this template. */
    private static boolean backsAnything(String template) {
        try {
            for (String volume : volumes()) {
                if (!volume.equals(template) && Host.run("virsh", "-q", "-c", "qemu:///system", "vol-dumpxml", "--pool",
                        "minicloud", volume).output().contains(template)) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProcessHandle testServer() {
        String marker = "-Djboss.home.dir=" + JBOSS_HOME.toAbsolutePath();
        List<ProcessHandle> servers = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker) || c.contains("-Djboss.home.dir=" + JBOSS_HOME)).orElse(false))
                .filter(p -> p.info().commandLine().orElse("").contains("port-offset=" + System.getProperty("it.port.offset", "1000")))
                .toList();
        assertEquals(1, servers.size(), "one test server runs: " + servers);
        return servers.get(0);
    }

    /** The MINICLOUD_* settings and JVM options the server runs with (as Maven gave them), from its environment. */
    private static Map<String, String> cloudSettings(ProcessHandle server) throws IOException {
        Map<String, String> settings = new HashMap<>();
        for (String entry : new String(Files.readAllBytes(Path.of("/proc", Long.toString(server.pid()), "environ")),
                java.nio.charset.StandardCharsets.UTF_8).split("\0")) {
            if ((entry.startsWith("MINICLOUD_") || entry.startsWith("JDK_JAVA_OPTIONS=")) && entry.contains("=")) {
                settings.put(entry.substring(0, entry.indexOf('=')), entry.substring(entry.indexOf('=') + 1));
            }
        }
        return settings;
    }

    /** The test server started again as Maven started it, with the next failpoint (if any) armed from the start. */
    private static void restart(String armed, Map<String, String> settings) throws Exception {
        List<String> command = new ArrayList<>(List.of(JBOSS_HOME.resolve("bin/standalone.sh").toString(),
                "-Djboss.socket.binding.port-offset=" + System.getProperty("it.port.offset", "1000"),
                "-Dminicloud.failpoints=true", "--stability=preview"));
        if (armed != null) {
            command.add("-Dminicloud.failpoints.arm=" + armed);
        }
        ProcessBuilder restart = new ProcessBuilder(command);
        restart.environment().putAll(settings);
        restart.redirectErrorStream(true).redirectOutput(new File(JBOSS_HOME.toFile(), "../drill-restart-" + UUID.randomUUID() + ".log"));
        restart.start();
        awaitHealthy();
    }

    private static void awaitHealthy() throws InterruptedException {
        for (int i = 0; i < 360; i++) {
            try {
                if (Api.get("/api/health", null).status() == 200) {
                    return;
                }
            } catch (RuntimeException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the portal did not come back within 180 s");
    }
}
