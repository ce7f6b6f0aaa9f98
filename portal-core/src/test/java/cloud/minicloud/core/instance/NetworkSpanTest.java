package cloud.minicloud.core.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cloud.minicloud.core.ConflictException;
import cloud.minicloud.core.InvalidRequestException;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.node.NewNode;
import cloud.minicloud.core.node.NodeSettingsChange;
import cloud.minicloud.core.testing.TestCloud;
import cloud.minicloud.hypervisor.fake.FakeNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A tenant network exists on every node that holds one of its instances, joined by VXLAN to each
 * other such node's tunnel address: nodes learn of a peer when an instance lands on it and forget
 * it when the last one leaves; what a node missed, the next sweep sets right.
 */
class NetworkSpanTest {

    private static final Caller ADMIN = TestCloud.admin();
    private static final Caller ANN = TestCloud.member("ann", "acme");
    private static final Caller BOB = TestCloud.member("bob", "globex");

    private final TestCloud cloud = new TestCloud();
    private FakeNode node1;
    private FakeNode node2;

    @BeforeEach
    void twoNodes() {
        node1 = cloud.addNode("n1");
        cloud.nodes.configure(ADMIN, "n1", settings("10.99.0.1"));
        cloud.nodes.add(ADMIN, new NewNode("node-2", "qemu+tcp://10.99.0.2/system", "10.99.0.2", "east"));
        node2 = cloud.fakeNodes.node("qemu+tcp://10.99.0.2/system");
        cloud.startWorkers();
    }

    @AfterEach
    void close() throws Exception {
        cloud.close();
    }

    @Test
    void instances_of_one_network_on_two_nodes_make_each_node_the_others_peer_until_one_leaves() {
        InstanceView a1 = launch(ANN, "default");
        InstanceView a2 = launch(ANN, "east");
        InstanceView b1 = launch(BOB, "default");
        UUID netA = a1.network();

        assertEquals("n1", a1.node());
        assertEquals("node-2", a2.node());
        assertEquals(Set.of("10.99.0.2"), node1.peersOf(netA));
        assertEquals(Set.of("10.99.0.1"), node2.peersOf(netA));
        assertEquals(Set.of(), node1.peersOf(b1.network()), "bob's network is on one node only");
        assertEquals(List.of(netA), node2.networkIds(), "bob's network is not on node-2 at all");

        cloud.instances.delete(ANN, a2.id());
        TestCloud.awaitTrue(cloud::settled, () -> "the delete did not finish");

        assertEquals(Set.of(), node1.peersOf(netA), "node-2 holds none of the network's instances any more");
        assertEquals(Set.of(), node2.peersOf(netA), "node-2's bridge left behind is joined to no one");
    }

    @Test
    void a_new_tunnel_address_reaches_the_other_nodes_at_their_next_sweep() {
        InstanceView a1 = launch(ANN, "default");
        launch(ANN, "east");
        UUID netA = a1.network();
        cloud.nodes.configure(ADMIN, "node-2", settings("10.99.0.22"));
        assertEquals(Set.of("10.99.0.2"), node1.peersOf(netA), "told nothing yet");

        cloud.sweep();

        assertEquals(Set.of("10.99.0.22"), node1.peersOf(netA));
        assertEquals(Set.of("10.99.0.1"), node2.peersOf(netA));
    }

    @Test
    void a_tunnel_address_is_an_ipv4_address_of_its_own_and_can_be_taken_away() {
        assertThrows(InvalidRequestException.class, () -> settings("10.99.0.256"));
        ConflictException taken = assertThrows(ConflictException.class, () -> cloud.nodes.configure(ADMIN, "n1", settings("10.99.0.2")));
        assertEquals("in-use", taken.kind());

        assertEquals(null, cloud.nodes.configure(ADMIN, "n1", settings("")).tunnelAddress());
        assertEquals("10.99.0.2", cloud.nodes.configure(ADMIN, "node-2", settings(null)).tunnelAddress(), "null leaves it");
    }

    private InstanceView launch(Caller caller, String zone) {
        InstanceView ordered = cloud.instances.launch(caller, TestCloud.inZone(cloud.order(caller, "entry", 1), zone)).get(0);
        cloud.await(caller, ordered.id(), InstanceState.RUNNING);
        TestCloud.awaitTrue(cloud::settled, () -> "the launch did not finish");
        return cloud.instances.get(caller, ordered.id());
    }

    private static NodeSettingsChange settings(String tunnelAddress) {
        return new NodeSettingsChange(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, true, false, null, null, tunnelAddress);
    }
}
