package cloud.minicloud.hypervisor.libvirt;

import cloud.minicloud.hypervisor.NodeSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.minicloud.hypervisor.FirstBoot;
import cloud.minicloud.hypervisor.HypervisorDriver;
import cloud.minicloud.hypervisor.InstanceSpec;
import cloud.minicloud.hypervisor.InstanceSpec.CloneMode;
import cloud.minicloud.hypervisor.InstanceSpec.NetworkAttachment;
import cloud.minicloud.hypervisor.LifecycleEvent;
import cloud.minicloud.hypervisor.NodeUnreachableException;
import cloud.minicloud.hypervisor.PowerState;
import cloud.minicloud.hypervisor.TenantNetworkSpec;
import cloud.minicloud.hypervisor.TenantNetworkSpec.Segmentation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two compute nodes: this machine and a second one in a network namespace with its own libvirtd
 * (deploy/compute/test-node.sh), reached over qemu+tcp. Tenant networks span both through VXLAN.
 */
class TwoNodeVxlanIT {

    private static final java.nio.file.Path NODE2_STATE = java.nio.file.Path.of("/tmp/minicloud-node2");
    private static LibvirtHypervisorDriver node1;
    private static LibvirtHypervisorDriver node2;
    private static String node2Template;
    private final List<UUID> networks = new ArrayList<>();

    @BeforeAll
    static void startTheSecondNode() throws Exception {
        String uri = testNode("up").trim();
        node1 = QemuNode.driver();
        node2 = new LibvirtHypervisorDriver(new NodeSettings(uri, "minicloud-it", "/var/lib/libvirt/minicloud-it",
                "/var/log/libvirt/qemu", null));
        node2.ensureStoragePool();
        node2Template = "tiny-node2";
        QemuNode.upload(node2, node2Template, TinyImage.template());
    }

    @AfterAll
    static void stopTheSecondNode() throws Exception {
        if (node2 != null) {
            node2.close();
        }
        testNode("down");
    }

    @Test
    void a_guest_on_node_2_reaches_its_tenant_peer_on_node_1_and_not_the_other_tenant() throws Exception {
        UUID netA = UUID.randomUUID();
        UUID netB = UUID.randomUUID();
        List<UUID> onNode1 = new ArrayList<>();
        List<UUID> onNode2 = new ArrayList<>();
        try {
            // Each network starts on its node alone; the peers join while guests run on it.
            for (UUID net : List.of(netA, netB)) {
                node1.ensureNetwork(network(net, net == netA ? 4201 : 4202, List.of()));
                node2.ensureNetwork(network(net, net == netA ? 4201 : 4202, List.of()));
            }
            UUID a1 = boot(node1, onNode1, QemuNode.tinyTemplate(), "a1", netA, "10.53.0.1/24", List.of());
            UUID b1 = boot(node1, onNode1, QemuNode.tinyTemplate(), "b1", netB, "10.54.0.1/24", List.of());
            TinyGuestBootIT.awaitSerial(a1, "MINICLOUD-BOOTED", Duration.ofSeconds(120));
            TinyGuestBootIT.awaitSerial(b1, "MINICLOUD-BOOTED", Duration.ofSeconds(120));
            for (UUID net : List.of(netA, netB)) {
                node1.ensureNetwork(network(net, net == netA ? 4201 : 4202, List.of("10.99.0.2")));
                node2.ensureNetwork(network(net, net == netA ? 4201 : 4202, List.of("10.99.0.1")));
            }

            UUID a2 = boot(node2, onNode2, node2Template, "a2", netA, "10.53.0.2/24", List.of(
                    "for i in $(seq 30); do ping -c 1 -W 1 10.53.0.1 >/dev/null && exit 0; done; exit 1",
                    "ip addr add 10.54.0.99/24 dev eth0 && ping -c 3 -W 1 10.54.0.1"));
            String console = node2Serial(a2, "command=ip addr add 10.54.0.99/24", Duration.ofSeconds(180));

            assertTrue(console.contains("MINICLOUD-RUN status=0 command=for i in"), "A2 reaches A1 across nodes:\n" + console);
            assertTrue(console.contains("MINICLOUD-RUN status=1 command=ip addr add 10.54.0.99/24"),
                    "A2 does not reach B1 even from inside B's subnet:\n" + console);
            assertEquals("qemu", node2.nodeInfo().virtType().domainType(), "without canary files a node is not trusted with KVM");

            // A1 stopped moves cold to node 2, where its template is not: its disk arrives whole
            // (TwoNodeCloudIT boots one moved so and finds what it wrote).
            node1.stop(a1, Duration.ofSeconds(20));
            List<String> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
            cloud.minicloud.hypervisor.MigrationReport cold = node1.migrate(a1, node2, "10.99.0.2",
                    (done, total) -> progress.add(done + "/" + total));
            onNode1.remove(a1);
            onNode2.add(a1);
            assertFalse(cold.live());
            assertEquals(PowerState.MISSING, node1.powerState(a1), "gone from node 1");
            assertEquals(PowerState.SHUT_OFF, node2.powerState(a1), "on node 2, still stopped");
            String system = new String(new ProcessBuilder("virsh", "-c", "qemu+tcp://10.99.0.2/system", "vol-dumpxml",
                    "--pool", "minicloud-it", a1 + "-system.qcow2").start().getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(system.contains("<format type='qcow2'/>") && !system.contains("<backingStore>"),
                    "a standalone qcow2 on node 2: " + system);
            node2.start(a1);
            assertEquals(PowerState.RUNNING, node2.powerState(a1));
            System.out.printf("cold migration of a stopped tiny guest: %d ms, %d MiB sent, %d progress reports%n",
                    cold.took().toMillis(), cold.bytesSent() >> 20, progress.size());
        } finally {
            onNode1.forEach(node1::delete);
            onNode2.forEach(node2::delete);
            for (UUID net : List.of(netA, netB)) {
                node1.deleteNetwork(net);
                node2.deleteNetwork(net);
            }
        }
    }

    /**
     * A guest moves live from node 1 to node 2 while a guest on node 2 pings it: the migration's
     * figures and the ping's losses are printed (docs/benchmarks.md records them). A move to an
     * address the node cannot send to fails first and leaves the guest where it was.
     */
    @Test
    void a_running_guest_moves_live_to_node_2_and_keeps_answering_its_peer() throws Exception {
        UUID net = UUID.randomUUID();
        List<UUID> onNode1 = new ArrayList<>();
        List<UUID> onNode2 = new ArrayList<>();
        try {
            node1.ensureNetwork(network(net, 4203, List.of("10.99.0.2")));
            node2.ensureNetwork(network(net, 4203, List.of("10.99.0.1")));
            UUID mover = boot(node1, onNode1, QemuNode.tinyTemplate(), "mover", net, "10.55.0.1/24", List.of());
            TinyGuestBootIT.awaitSerial(mover, "MINICLOUD-BOOTED", Duration.ofSeconds(120));
            UUID pinger = boot(node2, onNode2, node2Template, "pinger", net, "10.55.0.2/24", List.of(
                    "ping -c 40 -W 1 10.55.0.1 | tail -n 2"));
            node2Serial(pinger, "MINICLOUD-BOOTED", Duration.ofSeconds(180));
            Thread.sleep(5_000);

            // A target this node cannot send to: refused, the guest runs on here, nothing is left there.
            assertThrows(cloud.minicloud.hypervisor.HypervisorException.class,
                    () -> node1.migrate(mover, node2, "10.99.0.9", (done, total) -> { }));
            assertEquals(PowerState.RUNNING, node1.powerState(mover));
            assertEquals(PowerState.MISSING, node2.powerState(mover));
            String volumes = new String(new ProcessBuilder("virsh", "-c", "qemu+tcp://10.99.0.2/system", "vol-list", "minicloud-it")
                    .start().getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertFalse(volumes.contains(mover.toString()), "nothing of it on node 2: " + volumes);

            List<String> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
            cloud.minicloud.hypervisor.MigrationReport report = node1.migrate(mover, node2, "10.99.0.2",
                    (done, total) -> progress.add(done + "/" + total));
            onNode2.add(mover);
            onNode1.remove(mover);

            assertEquals(PowerState.MISSING, node1.powerState(mover), "gone from node 1, disks and all");
            assertEquals(PowerState.RUNNING, node2.powerState(mover));
            assertTrue(node2.vncEndpoint(mover).orElseThrow().host().equals("10.99.0.2"), "its screen listens on node 2");
            String disk = new String(new ProcessBuilder("virsh", "-c", "qemu+tcp://10.99.0.2/system", "vol-dumpxml",
                    "--pool", "minicloud-it", mover + "-system.qcow2").start().getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            long allocated = Long.parseLong(disk.replaceAll("(?s).*<allocation unit='bytes'>(\\d+)</allocation>.*", "$1"));
            assertTrue(allocated < 256L << 20, "its 1 GiB disk arrived sparse, not written full of zeroes: " + allocated + " bytes");
            String console = node2Serial(pinger, "packet loss", Duration.ofSeconds(150));
            String summary = console.lines().filter(line -> line.contains("packets transmitted")).findFirst().orElseThrow();
            System.out.printf("live migration of a tiny guest (TCG): %d ms in all, downtime %s ms, %d MiB sent, "
                    + "%d progress reports; ping across it: %s%n", report.took().toMillis(),
                    report.downtime() == null ? "?" : report.downtime().toMillis(), report.bytesSent() >> 20,
                    progress.size(), summary);
            assertFalse(summary.contains(" 0 packets received"), "the guest answers its peer across the move: " + summary);
        } finally {
            onNode1.forEach(node1::delete);
            onNode2.forEach(node2::delete);
            node1.deleteNetwork(net);
            node2.deleteNetwork(net);
        }
    }

    @Test
    void node_2_is_unreachable_while_its_libvirtd_is_down_and_comes_back_with_its_event_subscription()
            throws Exception {
        java.util.concurrent.BlockingQueue<LifecycleEvent> events = new java.util.concurrent.LinkedBlockingQueue<>();
        try (AutoCloseable watch = node2.watchLifecycle(events::add)) {
            testNode("stop-libvirtd");
            assertThrows(NodeUnreachableException.class, node2::nodeInfo);
            assertFalse(node2.reachable());

            testNode("start-libvirtd");
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!node2.reachable() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertTrue(node2.reachable(), "node 2 is reachable again within a minute");
            assertTrue(node2.nodeInfo().cpus() >= 1);

            UUID id = UUID.randomUUID();
            node2.create(new InstanceSpec(id, "after-restart", "it", 1, 128, node2Template, 1, CloneMode.LINKED,
                    List.of(), List.of(), null));
            try {
                LifecycleEvent event = events.poll(10, java.util.concurrent.TimeUnit.SECONDS);
                assertEquals(new LifecycleEvent(id, PowerState.SHUT_OFF), event, "events flow again after the restart");
            } finally {
                node2.delete(id);
            }
        }
    }

    private static TenantNetworkSpec network(UUID id, int vni, List<String> peers) {
        return new TenantNetworkSpec(id, "it", Segmentation.VXLAN, vni, null, peers, 1450);
    }

    private static UUID boot(HypervisorDriver node, List<UUID> created, String template, String hostname, UUID network,
                             String address, List<String> commands) {
        UUID id = UUID.randomUUID();
        created.add(id);
        String mac = String.format("52:54:00:%02x:%02x:%02x", id.hashCode() & 0xff, (id.hashCode() >> 8) & 0xff,
                (id.hashCode() >> 16) & 0xff);
        node.create(new InstanceSpec(id, hostname, "it", 1, 128, template, 1, CloneMode.LINKED, List.of(),
                List.of(new NetworkAttachment(network, mac, address.substring(0, address.indexOf('/')))), new FirstBoot(hostname, "pw", null, address, null, commands)));
        node.start(id);
        return id;
    }

    /** Node 2 is remote to the driver: its serial log is read as a volume of its serial pool. */
    private static String node2Serial(UUID id, String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String content = "";
        while (System.nanoTime() < deadline) {
            content = node2.serialLog(id, 64 * 1024);
            if (content.contains(text)) {
                return content;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no '" + text + "' on node 2's console of " + id + ":\n" + content);
    }

    private static String testNode(String command) throws Exception {
        Process script = new ProcessBuilder("../deploy/compute/test-node.sh", command, NODE2_STATE.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (script.waitFor() != 0) {
            throw new IllegalStateException("deploy/compute/test-node.sh " + command + " failed");
        }
        return out;
    }
}
