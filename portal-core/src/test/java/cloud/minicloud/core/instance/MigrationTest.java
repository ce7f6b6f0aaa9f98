package cloud.minicloud.core.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.minicloud.core.InvalidRequestException;
import cloud.minicloud.core.NotFoundException;
import cloud.minicloud.core.identity.AccessDeniedException;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.node.NewNode;
import cloud.minicloud.core.node.NodeView;
import cloud.minicloud.core.placement.NoCapacityException;
import cloud.minicloud.core.testing.TestCloud;
import cloud.minicloud.core.usage.UsageKind;
import cloud.minicloud.hypervisor.NodeCall;
import cloud.minicloud.hypervisor.PowerState;
import cloud.minicloud.hypervisor.fake.FakeNode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A cloud admin moves an instance to another node of its zone, live if it runs and cold if it is
 * stopped: its room is claimed there at once, its network follows it, and a failed move leaves it
 * as it was where it was.
 */
class MigrationTest {

    private static final Caller ADMIN = TestCloud.admin();
    private static final Caller ANN = TestCloud.member("ann", "acme");

    private final TestCloud cloud = new TestCloud();
    private FakeNode node1;
    private FakeNode node2;
    private InstanceView running;

    @BeforeEach
    void twoNodesAndARunningInstance() {
        node1 = cloud.addNode("n1");
        node2 = cloud.addNode("n2");
        cloud.nodes.add(ADMIN, new NewNode("far", "qemu+tcp://10.99.0.9/system", "10.99.0.9", "east"));
        cloud.startWorkers();
        running = cloud.runningInstance(ANN);
    }

    @AfterEach
    void close() throws Exception {
        cloud.close();
    }

    @Test
    void a_running_instance_moves_to_the_node_named_with_its_claim_and_its_network() {
        String from = running.node();
        String to = from.equals("n1") ? "n2" : "n1";
        FakeNode source = from.equals("n1") ? node1 : node2;
        FakeNode target = from.equals("n1") ? node2 : node1;

        cloud.instances.migrate(ADMIN, running.id(), to);
        assertEquals(1, claimedVcpus(to), "the room is the target's from the start");

        InstanceView moved = cloud.await(ANN, running.id(), InstanceState.RUNNING);
        TestCloud.awaitTrue(cloud::settled, () -> "the move did not finish");
        moved = cloud.instances.get(ANN, running.id());
        assertEquals(to, moved.node());
        assertTrue(moved.stateReason().startsWith("moved to node " + to), moved.stateReason());
        assertEquals(List.of(), source.domainIds());
        assertEquals(List.of(running.id()), target.domainIds());
        assertEquals(0, claimedVcpus(from));
        assertEquals(1, claimedVcpus(to));
        assertTrue(target.networkIds().contains(running.network()));
        assertEquals(Set.of(), source.peersOf(running.network()), "the source holds none of the network's instances now");

        // The source's word (an event of the undefine, settled late) no longer counts.
        assertFalse(cloud.lifecycle.observed(running.id(), PowerState.MISSING,
                cloud.nodeRepository.findByName(from).orElseThrow(), java.time.Instant.now()));
        assertEquals(InstanceState.RUNNING, cloud.instances.get(ANN, running.id()).state());
        long acme = cloud.tenants.findByAlias("acme").orElseThrow().id();
        assertEquals(List.of("begins"), computeEvents(acme), "it ran on across the move: one run, metered once");
    }

    private List<String> computeEvents(long tenant) {
        return cloud.usage.ofTenant(tenant).stream().filter(e -> e.kind() == UsageKind.COMPUTE)
                .map(e -> e.begins() ? "begins" : "ends").toList();
    }

    @Test
    void a_move_placement_chooses_stays_in_the_zone_and_a_failed_one_leaves_the_instance_where_it_was() {
        String from = running.node();
        FakeNode target = from.equals("n1") ? node2 : node1;
        target.failNext(NodeCall.MIGRATE, "connection refused");

        cloud.instances.migrate(ADMIN, running.id(), null);
        TestCloud.awaitTrue(() -> cloud.settled() && cloud.instances.get(ANN, running.id()).state() != InstanceState.MIGRATING,
                () -> "the move did not end");

        InstanceView stayed = cloud.instances.get(ANN, running.id());
        assertEquals(InstanceState.RUNNING, stayed.state());
        assertEquals(from, stayed.node());
        assertTrue(stayed.stateReason().contains("failed: ") && stayed.stateReason().endsWith("on node " + from + " as before"),
                stayed.stateReason());
        assertEquals(1, claimedVcpus(from), "its claim came back");
        assertEquals(List.of(), target.domainIds());
    }

    @Test
    void a_move_is_refused_up_front_with_the_reason() throws Exception {
        String to = running.node().equals("n1") ? "n2" : "n1";
        assertThrows(AccessDeniedException.class, () -> cloud.instances.migrate(ANN, running.id(), to));
        assertThrows(NotFoundException.class, () -> cloud.instances.migrate(ADMIN, running.id(), "nowhere"));
        assertThrows(InvalidRequestException.class, () -> cloud.instances.migrate(ADMIN, running.id(), running.node()));
        InvalidRequestException zone = assertThrows(InvalidRequestException.class,
                () -> cloud.instances.migrate(ADMIN, running.id(), "far"));
        assertTrue(zone.getMessage().contains("within their zone"), zone.getMessage());
        cloud.nodes.configure(ADMIN, to, new cloud.minicloud.core.node.NodeSettingsChange(java.math.BigDecimal.ONE,
                java.math.BigDecimal.ONE, java.math.BigDecimal.ONE, true, true, null, null, null));
        assertThrows(NoCapacityException.class, () -> cloud.instances.migrate(ADMIN, running.id(), to), "in maintenance");

        FakeNode.Hang stopping = (running.node().equals("n1") ? node1 : node2).hang(NodeCall.SHUTDOWN);
        cloud.instances.act(ANN, running.id(), InstanceAction.STOP);
        try {
            assertTrue(stopping.awaitReached(10));
            InvalidStateException busy = assertThrows(InvalidStateException.class,
                    () -> cloud.instances.migrate(ADMIN, running.id(), null));
            assertTrue(busy.getMessage().contains("STOPPING"), busy.getMessage());
        } finally {
            stopping.release();
        }
        cloud.await(ANN, running.id(), InstanceState.STOPPED);
        assertEquals(1, claimedVcpus(running.node()), "nothing moved");
        NoCapacityException none = assertThrows(NoCapacityException.class, () -> cloud.instances.migrate(ADMIN, running.id(), null));
        assertTrue(none.getMessage().startsWith("no other node of zone default takes instances now"), none.getMessage());
    }

    @Test
    void a_stopped_instance_moves_cold_stays_stopped_and_is_not_metered_while_it_moves() throws Exception {
        String from = running.node();
        String to = from.equals("n1") ? "n2" : "n1";
        FakeNode source = from.equals("n1") ? node1 : node2;
        FakeNode target = from.equals("n1") ? node2 : node1;
        cloud.instances.act(ANN, running.id(), InstanceAction.STOP);
        cloud.await(ANN, running.id(), InstanceState.STOPPED);
        TestCloud.awaitTrue(cloud::settled, () -> "the stop did not finish");

        FakeNode.Hang moving = target.hang(NodeCall.MIGRATE);
        cloud.instances.migrate(ADMIN, running.id(), to);
        try {
            assertTrue(moving.awaitReached(10));
            assertEquals(InstanceState.MIGRATING, cloud.instances.get(ANN, running.id()).state());
        } finally {
            moving.release();
        }
        InstanceView moved = cloud.await(ANN, running.id(), InstanceState.STOPPED);
        TestCloud.awaitTrue(cloud::settled, () -> "the move did not finish");
        moved = cloud.instances.get(ANN, running.id());
        assertEquals(to, moved.node());
        assertTrue(moved.stateReason().startsWith("moved to node " + to + " (stopped)"), moved.stateReason());
        assertEquals(List.of(), source.domainIds());
        assertEquals(List.of(running.id()), target.domainIds());

        cloud.instances.act(ANN, running.id(), InstanceAction.START);
        cloud.await(ANN, running.id(), InstanceState.RUNNING);
        assertTrue(target.networkIds().contains(running.network()), "its network is made where it starts");
        long acme = cloud.tenants.findByAlias("acme").orElseThrow().id();
        assertEquals(List.of("begins", "ends", "begins"), computeEvents(acme), "no compute is metered while it moves stopped");
    }

    @Test
    void a_drained_node_takes_no_new_instances_and_its_instances_move_one_by_one_and_a_failed_one_stays_saying_why()
            throws Exception {
        String from = running.node();
        String other = from.equals("n1") ? "n2" : "n1";
        FakeNode source = from.equals("n1") ? node1 : node2;
        FakeNode target = from.equals("n1") ? node2 : node1;
        cloud.nodes.maintenance(ADMIN, other, true);
        InstanceView stopped = cloud.instances.launch(ANN, TestCloud.inZone(cloud.order(ANN, "entry", 1), "default")).get(0);
        cloud.await(ANN, stopped.id(), InstanceState.RUNNING);
        cloud.instances.act(ANN, stopped.id(), InstanceAction.STOP);
        cloud.await(ANN, stopped.id(), InstanceState.STOPPED);
        source.failNext(NodeCall.START, "the guest would not start");
        InstanceView failed = cloud.instances.launch(ANN, TestCloud.inZone(cloud.order(ANN, "entry", 1), "default")).get(0);
        cloud.await(ANN, failed.id(), InstanceState.ERROR);
        TestCloud.awaitTrue(cloud::settled, () -> "the launches did not finish");
        cloud.nodes.endMaintenance(ADMIN, other);

        FakeNode.Hang first = target.hang(NodeCall.MIGRATE);
        NodeDrain.DrainReport report;
        try {
            report = cloud.drains.drain(ADMIN, from);
            assertTrue(first.awaitReached(10));
            Thread.sleep(500); // room for a second move to start, were moves not one by one
            assertEquals(1L, cloud.tasks.unfinishedByKindAndState().get("MIGRATE/RUNNING"), cloud.tasks.unfinishedByKindAndState().toString());
        } finally {
            first.release();
        }

        assertEquals(List.of(running.id(), stopped.id()), report.moving().stream().map(InstanceView::id).toList(), report.toString());
        assertEquals(List.of(failed.id()), report.staying().stream().map(NodeDrain.Staying::id).toList());
        assertTrue(report.staying().get(0).reason().contains("only running and stopped instances move"), report.staying().toString());
        assertTrue(cloud.nodes.list(ADMIN).stream().filter(n -> n.name().equals(from)).findFirst().orElseThrow().maintenance());
        cloud.await(ANN, running.id(), InstanceState.RUNNING);
        cloud.await(ANN, stopped.id(), InstanceState.STOPPED);
        TestCloud.awaitTrue(cloud::settled, () -> "the moves did not finish");
        assertEquals(other, cloud.instances.get(ANN, running.id()).node());
        assertEquals(other, cloud.instances.get(ANN, stopped.id()).node());
        InstanceView next = cloud.instances.launch(ANN, TestCloud.inZone(cloud.order(ANN, "entry", 1), "default")).get(0);
        assertEquals(other, next.node(), "a node in maintenance takes no new instances");
        assertThrows(AccessDeniedException.class, () -> cloud.drains.drain(ANN, other));
    }

    private long claimedVcpus(String node) {
        NodeView view = cloud.nodes.list(ADMIN).stream().filter(n -> n.name().equals(node)).findFirst().orElseThrow();
        return view.claimed() == null ? 0 : view.claimed().vcpus();
    }
}
