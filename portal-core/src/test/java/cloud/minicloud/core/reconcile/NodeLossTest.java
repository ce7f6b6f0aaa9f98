package cloud.minicloud.core.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.minicloud.core.config.CloudSettings;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.instance.InstanceAction;
import cloud.minicloud.core.instance.InstanceState;
import cloud.minicloud.core.instance.InstanceView;
import cloud.minicloud.core.instance.InvalidStateException;
import cloud.minicloud.core.testing.TestCloud;
import cloud.minicloud.hypervisor.fake.FakeNode;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A node silent for longer than MINICLOUD_NODE_LOST_SECONDS: its instances show UNKNOWN rather
 * than a stale state, nothing of them is touched, and the sweep after it answers settles each to
 * what the node says.
 */
class NodeLossTest {

    private static final Caller ANN = TestCloud.member("ann", "acme");

    private final TestCloud cloud = new TestCloud(CloudSettings.defaults().withNodePatience(Duration.ofSeconds(30))
            .withNodeLost(Duration.ofMillis(1)));

    @AfterEach
    void close() throws Exception {
        cloud.close();
    }

    @Test
    void instances_of_a_lost_node_are_unknown_untouched_and_settle_to_the_truth_when_it_answers() throws Exception {
        FakeNode node = cloud.addNode("n1");
        long nodeId = cloud.nodes.nodeIds().get(0);
        cloud.startWorkers();
        InstanceView running = cloud.runningInstance(ANN);
        InstanceView stopped = cloud.runningInstance(ANN);
        cloud.instances.act(ANN, stopped.id(), InstanceAction.STOP);
        cloud.await(ANN, stopped.id(), InstanceState.STOPPED);
        TestCloud.awaitTrue(cloud::settled, () -> "the stop did not finish");

        node.disconnect();
        cloud.reconciler.sweep(nodeId);
        Thread.sleep(20);
        cloud.reconciler.sweep(nodeId);

        for (InstanceView instance : new InstanceView[] {running, stopped}) {
            InstanceView seen = cloud.instances.get(ANN, instance.id());
            assertEquals(InstanceState.UNKNOWN, seen.state());
            assertTrue(seen.stateReason().startsWith("node n1 has not answered since "), seen.stateReason());
            assertEquals(Set.of(), seen.actions(), "nothing is done to it while nobody knows how it is");
        }
        assertThrows(InvalidStateException.class, () -> cloud.instances.delete(ANN, running.id()));
        assertEquals(2, node.domainIds().size(), "nothing was deleted");

        node.reconnect();
        cloud.reconciler.sweep(nodeId);

        InstanceView back = cloud.instances.get(ANN, running.id());
        assertEquals(InstanceState.RUNNING, back.state());
        assertEquals("node n1 answers again: running", back.stateReason());
        InstanceView off = cloud.instances.get(ANN, stopped.id());
        assertEquals(InstanceState.STOPPED, off.state());
        assertTrue(off.stateReason().startsWith("node n1 answers again: found powered off"), off.stateReason());
    }
}
