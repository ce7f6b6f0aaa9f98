package cloud.minicloud.hypervisor.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.minicloud.hypervisor.HypervisorDriver;
import cloud.minicloud.hypervisor.HypervisorDriverContract;
import cloud.minicloud.hypervisor.HypervisorException;
import cloud.minicloud.hypervisor.InstanceSpec;
import cloud.minicloud.hypervisor.NodeCall;
import cloud.minicloud.hypervisor.NodeCallObserver;
import cloud.minicloud.hypervisor.NodeSettings;
import cloud.minicloud.hypervisor.NodeUnreachableException;
import cloud.minicloud.hypervisor.PowerState;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract against the in-memory fake, and the faults it can inject. */
class FakeDriverContractTest extends HypervisorDriverContract {

    /** Stands for a qcow2 template: its magic and version, no backing file. */
    private static final byte[] TEMPLATE = new byte[4096];

    static {
        System.arraycopy(new byte[] {'Q', 'F', 'I', (byte) 0xfb, 0, 0, 0, 3}, 0, TEMPLATE, 0, 8);
    }

    private final FakeNodes nodes = new FakeNodes();
    private FakeNode node;
    private HypervisorDriver driver;

    @BeforeEach
    void openNodeWithATemplate() throws Exception {
        NodeSettings settings = new NodeSettings("fake://node-1", "pool", "/pool", null, null);
        node = nodes.node(settings.uri());
        driver = nodes.open(settings, NodeCallObserver.NONE);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(TEMPLATE));
        driver.uploadTemplate("tiny", new ByteArrayInputStream(TEMPLATE), TEMPLATE.length, sha256, (done, total) -> { });
    }

    @Override
    protected HypervisorDriver driver() {
        return driver;
    }

    @Override
    protected String template() {
        return "tiny";
    }

    @Override
    protected List<String> volumesOf(UUID id) {
        return node.volumeNames().stream().filter(v -> v.startsWith(id + "-")).sorted().toList();
    }

    @Override
    protected List<String> networkNames() {
        return node.networkIds().stream().map(cloud.minicloud.hypervisor.TenantNetworkSpec::libvirtName).toList();
    }

    @Override
    protected java.util.Set<String> networkPeers(java.util.UUID network) {
        return node.peersOf(network);
    }

    @Test
    void a_running_instance_moves_live_to_a_node_carrying_its_network_and_a_stopped_one_moves_cold() {
        HypervisorDriver target = nodes.open(new NodeSettings("fake://node-2", "pool", "/pool", null, null), NodeCallObserver.NONE);
        cloud.minicloud.hypervisor.TenantNetworkSpec network = new cloud.minicloud.hypervisor.TenantNetworkSpec(UUID.randomUUID(),
                "acme", cloud.minicloud.hypervisor.TenantNetworkSpec.Segmentation.VXLAN, 77, null, List.of(), 1450);
        driver.ensureNetwork(network);
        InstanceSpec spec = spec("mover", List.of(), List.of(new InstanceSpec.NetworkAttachment(network.id(), "52:54:00:00:00:01",
                "10.0.0.5")));
        driver.create(spec);
        UUID id = spec.id();
        driver.start(id);
        assertThrows(HypervisorException.class, () -> driver.migrate(id, target, "10.0.0.2", (done, total) -> { }),
                "its network is not on the target");
        assertEquals(PowerState.RUNNING, driver.powerState(id));

        target.ensureNetwork(network);
        cloud.minicloud.hypervisor.MigrationReport live = driver.migrate(id, target, "10.0.0.2", (done, total) -> { });
        assertTrue(live.live());
        assertTrue(live.bytesSent() > 0);
        assertEquals(PowerState.MISSING, driver.powerState(id));
        assertEquals(List.of(), volumesOf(id));
        assertEquals(PowerState.RUNNING, target.powerState(id));
        assertTrue(nodes.node("fake://node-2").volumeNames().contains(id + "-system.qcow2"));

        target.stop(id, java.time.Duration.ofSeconds(1));
        cloud.minicloud.hypervisor.MigrationReport cold = target.migrate(id, driver, "10.0.0.1", (done, total) -> { });
        assertFalse(cold.live());
        assertEquals(PowerState.SHUT_OFF, driver.powerState(id), "back, still stopped");
        assertEquals(PowerState.MISSING, target.powerState(id));
        assertTrue(volumesOf(id).contains(id + "-system.qcow2"));
        driver.delete(id);
    }

    @Test
    void a_hung_call_blocks_only_its_caller_until_released() throws Exception {
        InstanceSpec spec = spec("hung");
        driver.create(spec);
        FakeNode.Hang hang = node.hang(NodeCall.START);

        CompletableFuture<Void> start = CompletableFuture.runAsync(() -> driver.start(spec.id()));
        assertTrue(hang.awaitReached(5));
        assertEquals(PowerState.SHUT_OFF, driver.powerState(spec.id()), "other calls go on meanwhile");

        hang.release();
        start.get(5, TimeUnit.SECONDS);
        assertEquals(PowerState.RUNNING, driver.powerState(spec.id()));
    }

    @Test
    void an_injected_failure_fails_the_next_call_only_and_changes_nothing() {
        InstanceSpec spec = spec("failing");
        node.failNext(NodeCall.CREATE, "disk full");

        HypervisorException failure = assertThrows(HypervisorException.class, () -> driver.create(spec));

        assertEquals("disk full", failure.getMessage());
        assertEquals(List.of(), volumesOf(spec.id()));
        driver.create(spec);
        assertEquals(PowerState.SHUT_OFF, driver.powerState(spec.id()));
    }

    @Test
    void a_connection_lost_after_the_call_took_effect_leaves_the_effect_and_an_unreachable_node() {
        InstanceSpec spec = spec("cut");
        node.cutConnectionAt(NodeCall.CREATE, true);

        assertThrows(NodeUnreachableException.class, () -> driver.create(spec));

        assertFalse(driver.reachable());
        assertThrows(NodeUnreachableException.class, () -> driver.powerState(spec.id()));
        node.reconnect();
        assertEquals(PowerState.SHUT_OFF, driver.powerState(spec.id()), "the create had happened");
    }

    @Test
    void a_connection_lost_before_the_call_changes_nothing() {
        InstanceSpec spec = spec("cut-before");
        node.cutConnectionAt(NodeCall.CREATE, false);

        assertThrows(NodeUnreachableException.class, () -> driver.create(spec));

        node.reconnect();
        assertEquals(PowerState.MISSING, driver.powerState(spec.id()));
    }
}
