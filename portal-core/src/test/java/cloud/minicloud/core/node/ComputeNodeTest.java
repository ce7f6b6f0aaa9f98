package cloud.minicloud.core.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.minicloud.hypervisor.NodeInfo;
import cloud.minicloud.hypervisor.VirtType;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ComputeNodeTest {

    private static ComputeNode probedNode() {
        ComputeNode node = ComputeNode.register("n1", "qemu:///system", "/pool", null, 5);
        node.probed(info(), true, null, Instant.now());
        return node;
    }

    private static NodeInfo info() {
        return new NodeInfo("host", 2, 24_000, 20_000, 250, 70, VirtType.QEMU, 9_000_000, "libvirt 9000000", java.util.List.of());
    }

    @Test
    void capacity_is_the_size_times_the_overcommit_ratios() {
        ComputeNode node = probedNode();
        assertEquals(new NodeCapacity(8, 24_000, 250), node.capacity(), "defaults: 4 x CPU, 1 x memory, 1 x disk");

        node.configure(new NodeSettingsChange(new BigDecimal("2.50"), new BigDecimal("1.50"), new BigDecimal("2"), true, false, null, null, null));
        assertEquals(new NodeCapacity(5, 36_000, 500), node.capacity());
    }

    @Test
    void a_node_in_maintenance_disabled_or_never_probed_takes_no_instances() {
        assertTrue(probedNode().acceptsInstances());
        assertFalse(ComputeNode.register("n2", "qemu+tcp://x/system", "/pool", null, 5).acceptsInstances());
        ComputeNode maintained = probedNode();
        maintained.configure(new NodeSettingsChange(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, true, true, null, null, null));
        assertFalse(maintained.acceptsInstances());
        ComputeNode disabled = probedNode();
        disabled.configure(new NodeSettingsChange(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, false, false, null, null, null));
        assertFalse(disabled.acceptsInstances());
        ComputeNode lost = probedNode();
        lost.unreachable("connection refused", Instant.now());
        assertFalse(lost.acceptsInstances());
    }

    @Test
    void a_node_that_cannot_receive_images_takes_no_instances() {
        ComputeNode node = ComputeNode.register("n3", "test:///default", "/pool", null, 5);
        node.probed(info(), false, null, Instant.now());
        assertFalse(node.acceptsInstances());
    }

    @Test
    void health_says_since_when_and_keeps_that_time_while_it_lasts() {
        ComputeNode node = probedNode();
        Instant lost = Instant.parse("2026-11-29T17:02:00Z");
        node.unreachable("connection refused", lost);
        node.unreachable("connection refused again", lost.plusSeconds(30));
        NodeView view = node.view(NodeCapacity.NONE);
        assertEquals(NodeHealth.UNREACHABLE, view.health());
        assertEquals(lost, view.healthSince());
        assertEquals("connection refused again", view.healthReason());

        node.probed(info(), true, "a create call took 31.0 s (normally well under a second)", lost.plusSeconds(60));
        assertEquals(NodeHealth.DEGRADED, node.view(NodeCapacity.NONE).health());
        assertTrue(node.acceptsInstances(), "a slow node still takes instances");
        assertEquals(lost.plusSeconds(60), node.view(NodeCapacity.NONE).healthSince());
    }

    @Test
    void the_driver_gets_the_virt_type_decided_before_with_its_fingerprint() {
        var settings = probedNode().driverSettings("/logs");
        assertEquals(VirtType.QEMU, settings.knownVirtType());
        assertEquals("libvirt 9000000", settings.knownVirtFingerprint());
        assertEquals(5, settings.clientRequests());
    }

    @Test
    void free_room_holds_a_demand_only_in_every_resource() {
        NodeCapacity free = new NodeCapacity(8, 24_000, 250).minus(new NodeCapacity(6, 4_096, 40));
        assertTrue(free.holds(new NodeCapacity(2, 8_192, 20)));
        assertFalse(free.holds(new NodeCapacity(3, 1_024, 1)));
    }
}
