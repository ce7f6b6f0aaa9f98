package cloud.minicloud.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The server is killed (SIGKILL) while a task is at a chosen step, then started again: the task
 * resumes and finishes, and nothing is left over or lost. A failpoint makes the worker hang at
 * the step so the kill lands exactly there.
 */
class CrashIT {

    /** Other tests (the networks page's empty state) expect the tenants to have no networks of ours left. */
    @BeforeAll
    static void theLocalNodeIsReady() throws InterruptedException {
        Instances.awaitLocalNode();
    }

    @AfterAll
    static void removeTheNetwork() {
        Instances.deleteNetwork("ann", "it-crash");
    }


    private static final Path JBOSS_HOME = Path.of(System.getProperty("it.jboss.home", "target/server"));

    @ParameterizedTest
    @ValueSource(strings = {"after:CREATE_DOMAIN", "before:START"})
    void a_launch_interrupted_by_a_crash_finishes_after_the_restart(String failpoint) throws Exception {
        String ann = Api.tokenFor("ann");
        String network = Instances.network(ann, "it-crash");
        long vcpus = Instances.used(ann, "vcpus");

        arm(failpoint);
        String id = Instances.launch(ann, Instances.randomName(), "entry", network);
        awaitReached(failpoint);
        killAndRestart();

        ann = Api.tokenFor("ann");
        Instances.await(ann, id, "RUNNING", 150);
        assertEquals(2, stepRuns(ann, id, failpoint.substring(failpoint.indexOf(':') + 1)),
                "the step the server died in ran again after the restart");
        assertEquals(1, domainsNamed(id), "exactly one domain for the instance on the node");
        assertEquals(vcpus + 1, Instances.used(ann, "vcpus"), "the quota is held once");
        Instances.deleteAll(ann, List.of(id));
        assertEquals(vcpus, Instances.used(ann, "vcpus"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"after:DELETE_DOMAIN"})
    void a_delete_interrupted_by_a_crash_finishes_after_the_restart(String failpoint) throws Exception {
        String ann = Api.tokenFor("ann");
        String network = Instances.network(ann, "it-crash");
        long vcpus = Instances.used(ann, "vcpus");
        int claimed = Instances.localNode(Api.tokenFor("admin")).getJsonObject("claimed").getInt("vcpus");
        String id = Instances.launch(ann, Instances.randomName(), "entry", network);
        Instances.await(ann, id, "RUNNING", 150);

        arm(failpoint);
        Api.delete("/api/v1/instances/" + id, ann);
        awaitReached(failpoint);
        killAndRestart();

        ann = Api.tokenFor("ann");
        Instances.await(ann, id, "DELETED", 150);
        assertEquals(0, domainsNamed(id), "its domain is gone");
        assertEquals(vcpus, Instances.used(ann, "vcpus"), "its quota came back exactly once");
        assertEquals(claimed, Instances.localNode(Api.tokenFor("admin")).getJsonObject("claimed").getInt("vcpus"),
                "its capacity claim on the node is gone");
    }

    private static void arm(String failpoint) {
        Api.Reply reply = Api.put("/api/v1/admin/failpoints/" + failpoint, Api.tokenFor("admin"), "{}");
        assertEquals(204, reply.status(), reply.body());
    }

    private static void awaitReached(String failpoint) throws InterruptedException {
        String admin = Api.tokenFor("admin");
        for (int i = 0; i < 240; i++) {
            if (Api.get("/api/v1/admin/failpoints", admin).json().asJsonArray().stream()
                    .anyMatch(point -> point.toString().equals("\"" + failpoint + "\""))) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no task reached " + failpoint);
    }

    /** How often the newest task of the kind ran the step (a STARTED row before the crash, another after). */
    private static long stepRuns(String token, String id, String step) {
        return Api.get("/api/v1/instances/" + id + "/tasks", token).json().asJsonArray().getJsonObject(0)
                .getJsonArray("steps").stream()
                .filter(s -> s.asJsonObject().getString("step").equals(step))
                .count();
    }

    private static long domainsNamed(String id) throws Exception {
        return Host.run("virsh", "-c", "qemu:///system", "list", "--all", "--name").output().lines()
                .filter(line -> line.strip().equals(id))
                .count();
    }

    /** SIGKILL for the test server, then the same server started again as Maven started it. */
    private static void killAndRestart() throws Exception {
        String marker = "-Djboss.home.dir=" + JBOSS_HOME.toAbsolutePath();
        List<ProcessHandle> servers = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker) || c.contains("-Djboss.home.dir=" + JBOSS_HOME)).orElse(false))
                .filter(p -> p.info().commandLine().orElse("").contains("port-offset=" + System.getProperty("it.port.offset", "1000")))
                .toList();
        assertEquals(1, servers.size(), "one test server runs: " + servers);
        ProcessHandle server = servers.get(0);
        server.destroyForcibly();
        server.onExit().get();

        ProcessBuilder restart = new ProcessBuilder(JBOSS_HOME.resolve("bin/standalone.sh").toString(),
                "-Djboss.socket.binding.port-offset=" + System.getProperty("it.port.offset", "1000"),
                "-Dminicloud.failpoints=true");
        restart.environment().put("MINICLOUD_DB_URL", System.getProperty("it.db.url"));
        restart.environment().put("MINICLOUD_SWEEP_SECONDS", System.getProperty("it.sweep.seconds", "5"));
        restart.environment().put("MINICLOUD_SEGMENT_RANGE", System.getProperty("it.segment.range"));
        restart.redirectErrorStream(true).redirectOutput(new File(JBOSS_HOME.toFile(), "../crash-it-restart-" + UUID.randomUUID() + ".log"));
        restart.start();
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
        throw new AssertionError("the restarted server did not come up within 180 s");
    }
}
