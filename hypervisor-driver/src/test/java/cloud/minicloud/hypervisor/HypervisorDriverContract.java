package cloud.minicloud.hypervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cloud.minicloud.hypervisor.InstanceSpec.CloneMode;
import cloud.minicloud.hypervisor.InstanceSpec.NetworkAttachment;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The HypervisorDriver contract, one suite for every driver: libvirt's test driver and the
 * in-memory fake in the fast tests, real QEMU in the integration tests. A subclass says which
 * node, provides a template and looks into the node behind the driver's back.
 */
public abstract class HypervisorDriverContract {

    static final String HOSTILE_NAME = "<b>web</b> & \"db\" ; 'x' $(reboot) | 名前";

    private final List<UUID> created = new ArrayList<>();

    protected abstract HypervisorDriver driver();

    /** The name of a template present on the node for these tests. */
    protected abstract String template();

    /** What the node's pool holds for an instance, seen behind the driver's back, sorted by name. */
    protected abstract List<String> volumesOf(UUID id);

    /** The names of the node's networks, seen behind the driver's back. */
    protected abstract List<String> networkNames();

    /** The VXLAN peers of the network as the node holds it, looked at behind the driver's back. */
    protected abstract java.util.Set<String> networkPeers(UUID network);

    @AfterEach
    void deleteWhatTheTestCreated() {
        created.forEach(driver()::delete);
    }

    protected InstanceSpec spec(String name, List<Long> dataDisks, List<NetworkAttachment> networks) {
        UUID id = UUID.randomUUID();
        created.add(id);
        return new InstanceSpec(id, name, "acme", 1, 128, template(), 1, CloneMode.LINKED, dataDisks, networks, null);
    }

    protected InstanceSpec spec(String name) {
        return spec(name, List.of(), List.of());
    }

    @Test
    void a_created_instance_is_defined_stopped_and_listed_with_its_owner_and_name() {
        InstanceSpec spec = spec("web-1");

        driver().create(spec);

        assertEquals(PowerState.SHUT_OFF, driver().powerState(spec.id()));
        InstanceRecord listed = find(spec.id());
        assertEquals("web-1", listed.displayName());
        assertEquals("acme", listed.owner());
        assertEquals(1, listed.vcpus());
        assertEquals(128, listed.memoryMib());
        assertEquals(List.of(spec.id() + "-system.qcow2"), volumesOf(spec.id()));
    }

    @Test
    void a_display_name_full_of_markup_and_shell_characters_is_just_a_name() {
        InstanceSpec spec = spec(HOSTILE_NAME);

        driver().create(spec);

        assertEquals(HOSTILE_NAME, find(spec.id()).displayName());
    }

    @Test
    void an_instance_starts_stops_and_starts_again() {
        InstanceSpec spec = spec("web-2");
        driver().create(spec);

        driver().start(spec.id());
        assertEquals(PowerState.RUNNING, driver().powerState(spec.id()));

        driver().stop(spec.id(), Duration.ofSeconds(2));
        assertEquals(PowerState.SHUT_OFF, driver().powerState(spec.id()));

        driver().start(spec.id());
        assertEquals(PowerState.RUNNING, driver().powerState(spec.id()));
    }

    @Test
    void data_disks_are_created_and_deleted_with_the_instance() {
        InstanceSpec spec = spec("db-1", List.of(1L, 2L), List.of());
        driver().create(spec);

        assertEquals(List.of(spec.id() + "-data1.qcow2", spec.id() + "-data2.qcow2", spec.id() + "-system.qcow2"),
                volumesOf(spec.id()));

        driver().delete(spec.id());

        assertEquals(PowerState.MISSING, driver().powerState(spec.id()));
        assertEquals(List.of(), volumesOf(spec.id()));
    }

    @Test
    void deleting_a_running_instance_powers_it_off_and_removes_everything() {
        InstanceSpec spec = spec("web-3");
        driver().create(spec);
        driver().start(spec.id());

        driver().delete(spec.id());

        assertEquals(PowerState.MISSING, driver().powerState(spec.id()));
        assertEquals(List.of(), volumesOf(spec.id()));
        assertTrue(driver().listInstances().stream().noneMatch(i -> i.id().equals(spec.id())));
    }

    @Test
    void destroying_or_deleting_what_is_already_gone_succeeds() {
        UUID neverCreated = UUID.randomUUID();

        driver().destroy(neverCreated);
        driver().delete(neverCreated);

        assertEquals(PowerState.MISSING, driver().powerState(neverCreated));
    }

    @Test
    void a_create_that_fails_halfway_leaves_no_volume_and_no_definition() {
        InstanceSpec spec = spec("broken", List.of(1L), List.of(new NetworkAttachment(UUID.randomUUID(), "not-a-mac", null)));

        assertThrows(HypervisorException.class, () -> driver().create(spec));

        assertEquals(PowerState.MISSING, driver().powerState(spec.id()));
        assertEquals(List.of(), volumesOf(spec.id()));
    }

    @Test
    void a_create_from_a_missing_template_fails_and_leaves_nothing() {
        UUID id = UUID.randomUUID();
        InstanceSpec spec = new InstanceSpec(id, "x", "acme", 1, 128, "no-such-template", 1, CloneMode.LINKED, List.of(),
                List.of(), null);

        HypervisorException refusal = assertThrows(HypervisorException.class, () -> driver().create(spec));

        assertTrue(refusal.getMessage().contains("no template no-such-template"), refusal.getMessage());
        assertEquals(List.of(), volumesOf(id));
    }

    @Test
    void a_second_create_with_the_same_id_fails_and_leaves_the_first_instance_intact() {
        InstanceSpec spec = spec("web-4");
        driver().create(spec);

        assertThrows(HypervisorException.class, () -> driver().create(spec));

        assertEquals(PowerState.SHUT_OFF, driver().powerState(spec.id()));
        assertEquals(List.of(spec.id() + "-system.qcow2"), volumesOf(spec.id()));
    }

    @Test
    void a_stopped_instance_is_resized_and_a_running_one_is_refused() {
        InstanceSpec spec = spec("web-5");
        driver().create(spec);

        driver().resize(spec.id(), 2, 256);
        assertEquals(2, find(spec.id()).vcpus());
        assertEquals(256, find(spec.id()).memoryMib());

        driver().start(spec.id());
        assertThrows(HypervisorException.class, () -> driver().resize(spec.id(), 1, 128));
    }

    @Test
    void a_template_that_an_instance_disk_still_uses_cannot_be_deleted() {
        InstanceSpec spec = spec("web-6");
        driver().create(spec);

        HypervisorException refusal = assertThrows(HypervisorException.class, () -> driver().deleteTemplate(template()));

        assertTrue(refusal.getMessage().contains("backing file"), refusal.getMessage());
        assertTrue(driver().hasTemplate(template()));
    }

    @Test
    void a_stopped_instance_s_system_disk_exports_as_one_standalone_qcow2_and_a_running_one_is_refused() {
        assumeTrue(driver().capabilities().templateUpload(), "this driver cannot stream volumes");
        InstanceSpec spec = spec("web-7");
        driver().create(spec);
        List<String> volumes = volumesOf(spec.id());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long[] progress = {0};

        long bytes = driver().exportSystemDisk(spec.id(), out, (done, total) -> progress[0] = done);

        byte[] disk = out.toByteArray();
        assertEquals(disk.length, bytes);
        assertEquals(bytes, progress[0], "progress reaches the whole size");
        assertEquals(0x514649fb, ByteBuffer.wrap(disk, 0, 4).getInt(), "a qcow2 file");
        assertEquals(0L, ByteBuffer.wrap(disk, 8, 8).getLong(), "with no backing file: the template is folded in");
        assertEquals(volumes, volumesOf(spec.id()), "the export leaves nothing behind on the node");

        driver().start(spec.id());
        assertThrows(HypervisorException.class,
                () -> driver().exportSystemDisk(spec.id(), OutputStream.nullOutputStream(), (done, total) -> { }));
    }

    @Test
    void many_threads_create_and_delete_instances_at_once() throws Exception {
        int threads = 6;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<UUID>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                InstanceSpec spec = spec("parallel-" + i);
                results.add(pool.submit(() -> {
                    go.await();
                    driver().create(spec);
                    driver().start(spec.id());
                    driver().delete(spec.id());
                    return spec.id();
                }));
            }
            go.countDown();
            for (Future<UUID> result : results) {
                UUID id = result.get();
                assertEquals(PowerState.MISSING, driver().powerState(id));
                assertEquals(List.of(), volumesOf(id));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_tenant_network_is_ensured_twice_and_an_instance_on_it_starts() {
        TenantNetworkSpec network = network(4001);
        try {
            driver().ensureNetwork(network);
            driver().ensureNetwork(network);
            InstanceSpec spec = spec("on-net", List.of(), List.of(new NetworkAttachment(network.id(), "52:54:00:0a:0b:0c", "10.9.0.12")));

            driver().create(spec);
            driver().start(spec.id());

            assertEquals(PowerState.RUNNING, driver().powerState(spec.id()));
            driver().delete(spec.id());
        } finally {
            driver().deleteNetwork(network.id());
        }
        driver().deleteNetwork(network.id());
    }

    @Test
    void a_running_network_follows_its_peers_as_they_come_and_go() {
        TenantNetworkSpec alone = network(4004);
        try {
            driver().ensureNetwork(alone);
            assertEquals(java.util.Set.of(), networkPeers(alone.id()));

            driver().ensureNetwork(withPeers(alone, "10.98.0.2", "10.98.0.3"));
            assertEquals(java.util.Set.of("10.98.0.2", "10.98.0.3"), networkPeers(alone.id()), "peers joined");
            driver().ensureNetwork(withPeers(alone, "10.98.0.3", "10.98.0.4"));
            assertEquals(java.util.Set.of("10.98.0.3", "10.98.0.4"), networkPeers(alone.id()), "one left, one joined");
            driver().ensureNetwork(alone);
            assertEquals(java.util.Set.of(), networkPeers(alone.id()), "back on this node alone");
        } finally {
            driver().deleteNetwork(alone.id());
        }
    }

    private static TenantNetworkSpec withPeers(TenantNetworkSpec network, String... peers) {
        return new TenantNetworkSpec(network.id(), network.owner(), network.segmentation(), network.segmentId(),
                network.uplink(), List.of(peers), network.mtu());
    }

    @Test
    void a_leftover_network_holding_the_bridge_is_replaced_but_not_one_with_guests() {
        TenantNetworkSpec leftover = network(4002);
        TenantNetworkSpec reused = network(4002);
        TenantNetworkSpec busy = network(4003);
        TenantNetworkSpec clash = network(4003);
        InstanceSpec guest = spec("on-busy", List.of(), List.of(new NetworkAttachment(busy.id(), "52:54:00:0a:0b:0d", "10.9.0.13")));
        try {
            driver().ensureNetwork(leftover);
            driver().ensureNetwork(reused);
            assertTrue(networkNames().contains(TenantNetworkSpec.libvirtName(reused.id())));
            assertTrue(!networkNames().contains(TenantNetworkSpec.libvirtName(leftover.id())), "the leftover is gone");

            driver().ensureNetwork(busy);
            driver().create(guest);
            driver().start(guest.id());
            if (driver().capabilities().realGuests()) {
                // only a real node counts the guests attached to a network
                assertThrows(HypervisorException.class, () -> driver().ensureNetwork(clash));
                assertTrue(networkNames().contains(TenantNetworkSpec.libvirtName(busy.id())), "a network in use stays");
            }
        } finally {
            driver().delete(guest.id());
            for (TenantNetworkSpec network : List.of(leftover, reused, busy, clash)) {
                driver().deleteNetwork(network.id());
            }
        }
    }

    public static TenantNetworkSpec network(int vni) {
        return new TenantNetworkSpec(UUID.randomUUID(), "acme", TenantNetworkSpec.Segmentation.VXLAN, vni, null, List.of(),
                1450);
    }

    @Test
    void lifecycle_changes_arrive_as_events_for_the_instance() throws Exception {
        InstanceSpec spec = spec("watched");
        java.util.concurrent.BlockingQueue<LifecycleEvent> events = new java.util.concurrent.LinkedBlockingQueue<>();
        try (AutoCloseable watch = driver().watchLifecycle(event -> {
            if (event.instance().equals(spec.id())) {
                events.add(event);
            }
        })) {
            driver().create(spec);
            driver().start(spec.id());
            driver().destroy(spec.id());

            awaitState(events, PowerState.RUNNING);
            awaitState(events, PowerState.SHUT_OFF);
        }
    }

    /** Takes events until one reports the state (QEMU reports a start as started, then resumed). */
    private static void awaitState(java.util.concurrent.BlockingQueue<LifecycleEvent> events, PowerState state)
            throws Exception {
        LifecycleEvent event;
        do {
            event = events.poll(10, java.util.concurrent.TimeUnit.SECONDS);
            if (event == null) {
                throw new AssertionError("no lifecycle event reporting " + state + " within 10 s");
            }
        } while (event.state() != state);
    }

    @Test
    void the_node_reports_its_size_and_a_virt_type() {
        var info = driver().nodeInfo();

        assertTrue(info.cpus() >= 1);
        assertTrue(info.memoryMib() > 0);
        assertNotEquals(null, info.virtType());
        assertTrue(info.storageGib() > 0 && info.freeStorageGib() <= info.storageGib(),
                "the pool's filesystem size is known: " + info);
    }

    private InstanceRecord find(UUID id) {
        return driver().listInstances().stream()
                .filter(instance -> instance.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("instance " + id + " is not listed"));
    }
}
