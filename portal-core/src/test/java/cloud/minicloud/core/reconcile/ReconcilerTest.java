package cloud.minicloud.core.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.instance.InstanceState;
import cloud.minicloud.core.instance.InstanceView;
import cloud.minicloud.core.node.NodeHealth;
import cloud.minicloud.core.testing.TestCloud;
import cloud.minicloud.hypervisor.NodeCall;
import cloud.minicloud.hypervisor.fake.FakeNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sweep makes instance states true to what the node says, and node health true to how it answers. */
class ReconcilerTest {

    private static final Caller ANN = TestCloud.member("ann", "acme");

    private final TestCloud cloud = new TestCloud();
    private FakeNode node;
    private long nodeId;
    private InstanceView instance;

    @BeforeEach
    void aRunningInstance() {
        node = cloud.addNode("n1");
        nodeId = cloud.nodes.nodeIds().get(0);
        cloud.startWorkers();
        instance = cloud.runningInstance(ANN);
    }

    @AfterEach
    void close() throws Exception {
        cloud.close();
    }

    @Test
    void a_guest_powered_off_behind_the_portals_back_shows_stopped_with_the_reason() {
        node.powerOffBehindTheBack(instance.id());

        cloud.reconciler.sweep(nodeId);

        InstanceView seen = cloud.instances.get(ANN, instance.id());
        assertEquals(InstanceState.STOPPED, seen.state());
        assertTrue(seen.stateReason().contains("stopped outside the portal"), seen.stateReason());
    }

    @Test
    void a_node_that_stops_answering_is_unreachable_with_the_reason_and_is_up_again_when_it_answers() {
        node.disconnect();
        cloud.reconciler.sweep(nodeId);

        var view = cloud.nodes.list(TestCloud.admin()).get(0);
        assertEquals(NodeHealth.UNREACHABLE, view.health());
        assertTrue(view.healthReason().contains("disconnected"), view.healthReason());
        assertEquals(InstanceState.RUNNING, cloud.instances.get(ANN, instance.id()).state(),
                "an unreachable node's guests are not declared gone");

        node.reconnect();
        cloud.reconciler.sweep(nodeId);
        assertEquals(NodeHealth.UP, cloud.nodes.list(TestCloud.admin()).get(0).health());
    }

    @Test
    void a_node_that_answers_a_probe_with_an_error_is_degraded_and_keeps_taking_orders() {
        node.failNext(NodeCall.NODE_INFO, "internal error: pool 'minicloud' has asynchronous jobs running.");

        cloud.reconciler.sweep(nodeId);

        var view = cloud.nodes.list(TestCloud.admin()).get(0);
        assertEquals(NodeHealth.DEGRADED, view.health());
        assertTrue(view.reachable(), "it answered: not unreachable");
        cloud.await(ANN, cloud.launch(ANN, "entry", 1).get(0).id(), InstanceState.RUNNING);
    }

    @Test
    void a_guest_that_vanished_from_its_node_is_an_error_saying_what_to_do() {
        node.undefineBehindTheBack(instance.id());

        cloud.reconciler.sweep(nodeId);

        InstanceView seen = cloud.instances.get(ANN, instance.id());
        assertEquals(InstanceState.ERROR, seen.state());
        assertTrue(seen.stateReason().contains("delete the instance"), seen.stateReason());
    }
}
