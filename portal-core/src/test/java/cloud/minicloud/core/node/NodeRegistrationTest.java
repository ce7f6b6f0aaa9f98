package cloud.minicloud.core.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.minicloud.core.ConflictException;
import cloud.minicloud.core.InvalidRequestException;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.identity.AccessDeniedException;
import cloud.minicloud.core.instance.InstanceState;
import cloud.minicloud.core.instance.InstanceView;
import cloud.minicloud.core.testing.TestCloud;
import cloud.minicloud.hypervisor.fake.FakeNode;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A cloud admin adds compute nodes at runtime, renames them, moves them between zones and removes
 * them; a node that is malformed, taken or does not answer is refused and nothing of it is recorded.
 */
class NodeRegistrationTest {

    private static final Caller ADMIN = TestCloud.admin();
    private static final Caller ANN = TestCloud.member("ann", "acme");
    private static final String NODE_2 = "qemu+tcp://10.99.0.2/system";

    private final TestCloud cloud = new TestCloud();

    @AfterEach
    void close() throws Exception {
        cloud.close();
    }

    private List<String> names() {
        return cloud.nodes.list(ADMIN).stream().map(NodeView::name).toList();
    }

    @Test
    void an_added_node_is_tried_recorded_probed_and_takes_instances_in_its_zone() {
        cloud.addNode("n1");
        cloud.fakeNodes.node(NODE_2).resize(16, 32_768, 1000);

        AddedNode added = cloud.nodes.add(ADMIN, new NewNode("node-2", NODE_2, "10.99.0.2", "east"));

        assertEquals(List.of("storage pool", "probe", "record"), added.steps().stream().map(NodeStep::step).toList());
        assertTrue(added.steps().get(1).outcome().startsWith("16 CPUs, 32768 MiB"), added.steps().toString());
        assertEquals(NodeHealth.UP, added.node().health());
        assertEquals("east", added.node().zone());
        assertEquals("10.99.0.2", added.node().tunnelAddress());
        assertTrue(cloud.instances.zones().contains("east"), cloud.instances.zones().toString());
        cloud.startWorkers();
        InstanceView placed = cloud.instances.launch(ANN, TestCloud.inZone(cloud.order(ANN, "entry", 1), "east")).get(0);
        assertEquals("node-2", placed.node());
        assertEquals(InstanceState.RUNNING, cloud.await(ANN, placed.id(), InstanceState.RUNNING).state());
    }

    @Test
    void a_malformed_taken_or_silent_node_is_refused_and_nothing_of_it_is_recorded() {
        cloud.addNode("n1");
        cloud.nodes.add(ADMIN, new NewNode("node-2", NODE_2, "10.99.0.2", null));
        List<String> before = names();

        for (NewNode bad : List.of(new NewNode("Node 3", "qemu+tcp://10.99.0.3/system", "10.99.0.3", null),
                new NewNode("node-3", "http://10.99.0.3/", "10.99.0.3", null),
                new NewNode("node-3", "qemu:///system", "10.99.0.3", null),
                new NewNode("node-3", "qemu+tcp://10.99.0.3/system", "10.99.0.300", null),
                new NewNode("node-3", "qemu+tcp://10.99.0.3/system", null, null),
                new NewNode("node-3", "qemu+tcp://10.99.0.3/system", "10.99.0.3", "East Zone"))) {
            assertThrows(InvalidRequestException.class, () -> cloud.nodes.add(ADMIN, bad), bad.toString());
        }
        assertEquals("name-taken", assertThrows(ConflictException.class,
                () -> cloud.nodes.add(ADMIN, new NewNode("node-2", "qemu+tcp://10.99.0.3/system", "10.99.0.3", null))).kind());
        ConflictException sameUri = assertThrows(ConflictException.class,
                () -> cloud.nodes.add(ADMIN, new NewNode("node-3", NODE_2, "10.99.0.3", null)));
        assertTrue(sameUri.getMessage().contains("as node node-2"), sameUri.getMessage());
        assertThrows(ConflictException.class, () -> cloud.nodes.add(ADMIN, new NewNode("node-3", "qemu+tcp://10.99.0.3/system",
                "10.99.0.2", null)), "a tunnel address is each node's own");
        FakeNode silent = cloud.fakeNodes.node("qemu+tcp://10.99.0.4/system");
        silent.disconnect();
        InvalidRequestException unreachable = assertThrows(InvalidRequestException.class,
                () -> cloud.nodes.add(ADMIN, new NewNode("node-4", "qemu+tcp://10.99.0.4/system", "10.99.0.4", null)));
        assertTrue(unreachable.getMessage().contains("did not answer") && unreachable.getMessage().contains("nothing was recorded"),
                unreachable.getMessage());
        assertThrows(AccessDeniedException.class, () -> cloud.nodes.add(ANN, new NewNode("node-5", "qemu+tcp://10.99.0.5/system",
                "10.99.0.5", null)));

        assertEquals(before, names());
        silent.reconnect();
        assertEquals(NodeHealth.UP, cloud.nodes.add(ADMIN, new NewNode("node-4", "qemu+tcp://10.99.0.4/system", "10.99.0.4", null))
                .node().health(), "a node that answers now is added on the next try");
    }

    @Test
    void a_node_is_renamed_moved_to_a_zone_and_removed_once_no_instance_lives_on_it() {
        cloud.nodes.add(ADMIN, new NewNode("node-2", NODE_2, "10.99.0.2", null));
        cloud.startWorkers();
        InstanceView running = cloud.runningInstance(ANN);

        NodeView renamed = cloud.nodes.configure(ADMIN, "node-2", new NodeSettingsChange(new BigDecimal("4"), BigDecimal.ONE,
                BigDecimal.ONE, true, false, "rack-2", "west", null));
        assertEquals("rack-2", renamed.name());
        assertEquals(List.of("west"), cloud.instances.zones());
        assertEquals("rack-2", cloud.instances.get(ANN, running.id()).node());

        ConflictException holds = assertThrows(ConflictException.class, () -> cloud.nodes.remove(ADMIN, "rack-2"));
        assertTrue(holds.getMessage().contains("1 instances"), holds.getMessage());
        cloud.instances.delete(ANN, running.id());
        TestCloud.awaitTrue(() -> cloud.instances.count(ANN, null, null) == 0 && cloud.settled(), () -> "the delete did not finish");

        cloud.nodes.remove(ADMIN, "rack-2");
        assertEquals(List.of(), names());
        assertNotNull(cloud.nodes.add(ADMIN, new NewNode("node-2", NODE_2, "10.99.0.2", null)).node(), "added again");
    }
}
