package cloud.minicloud.core.instance;

import static cloud.minicloud.core.testing.TestCloud.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.minicloud.core.config.CloudSettings;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.node.NodeHealth;
import cloud.minicloud.core.placement.NoCapacityException;
import cloud.minicloud.core.quota.QuotaExceededException;
import cloud.minicloud.core.task.TaskView;
import cloud.minicloud.core.testing.TestCloud;
import cloud.minicloud.hypervisor.NodeCall;
import cloud.minicloud.hypervisor.PowerState;
import cloud.minicloud.hypervisor.fake.FakeNode;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Ordering and launching instances against fake nodes, with faults injected at the node: the
 * order takes quota, capacity and an address at once or nothing; a launch ends RUNNING, or undone
 * with everything given back; a node that hangs, fails or goes away never holds up another node.
 */
class LaunchTest {

    private static final Caller ANN = TestCloud.member("ann", "acme");

    private TestCloud cloud = new TestCloud();

    @AfterEach
    void close() throws Exception {
        cloud.close();
    }

    private long usedVcpus() {
        return cloud.quotaService.quotaOf(ANN).used().vcpus();
    }

    @Test
    void a_launch_reaches_running_holding_its_quota_claim_and_address() {
        FakeNode node = cloud.addNode("n1");
        cloud.startWorkers();

        InstanceView ordered = cloud.launch(ANN, "general", 1).get(0);

        assertEquals("n1", ordered.node());
        InstanceView running = cloud.await(ANN, ordered.id(), InstanceState.RUNNING);
        assertEquals(PowerState.RUNNING, node.state(ordered.id()));
        assertEquals(2, usedVcpus());
        assertEquals(1, cloud.nodeRepository.claims());
        assertNotNull(running.privateIp());
        assertEquals(java.util.EnumSet.of(InstanceAction.STOP, InstanceAction.REBOOT, InstanceAction.DELETE),
                running.actions(), "the view says what the state allows");
        awaitTrue(() -> cloud.metricsRegistry.find("minicloud.launch").timer() != null, () -> "no launch latency recorded");
        assertEquals(1, cloud.metricsRegistry.get("minicloud.launch").timer().count());
        assertEquals(1.0, cloud.metricsRegistry.get("minicloud.instances").tag("state", "running").gauge().value());
        assertTrue(cloud.metricsRegistry.get("minicloud.libvirt.call").tag("node", "n1").tag("call", "create").timer().count() >= 1);
    }

    @Test
    void an_order_over_the_quota_is_refused_and_creates_nothing() {
        FakeNode node = cloud.addNode("n1");

        assertThrows(QuotaExceededException.class, () -> cloud.launch(ANN, "standard", 6));

        assertEquals(0, usedVcpus());
        assertEquals(0, cloud.nodeRepository.claims());
        assertEquals(0, cloud.networkRepository.addressesTaken());
        assertEquals(List.of(), node.domainIds());
    }

    @Test
    void an_order_checked_without_launching_is_refused_as_a_launch_would_be_and_takes_nothing() {
        FakeNode node = cloud.addNode("n1");

        cloud.instances.checkLaunch(ANN, cloud.order(ANN, "standard", 2));
        // one standard instance fits the node's 16 GiB twice, not three times: the check adds up the order's instances
        assertThrows(NoCapacityException.class, () -> cloud.instances.checkLaunch(ANN, cloud.order(ANN, "standard", 3)));
        assertThrows(QuotaExceededException.class, () -> cloud.instances.checkLaunch(ANN, cloud.order(ANN, "standard", 6)));

        assertEquals(0, usedVcpus());
        assertEquals(0, cloud.nodeRepository.claims());
        assertEquals(0, cloud.networkRepository.addressesTaken());
        assertEquals(0, cloud.instances.count(ANN, null, null));
        assertEquals(List.of(), node.domainIds());
        assertEquals(2, cloud.launch(ANN, "standard", 2).size(), "what the check let through launches");
    }

    @Test
    void an_action_checked_without_acting_is_refused_as_the_action_would_be_and_changes_nothing() {
        cloud.addNode("n1");
        cloud.startWorkers();
        InstanceView running = cloud.runningInstance(ANN);

        cloud.instances.checkAction(ANN, running.id(), InstanceAction.STOP, false);
        cloud.instances.checkAction(ANN, running.id(), InstanceAction.DELETE, false);
        assertThrows(InvalidStateException.class, () -> cloud.instances.checkAction(ANN, running.id(), InstanceAction.START, false));
        assertThrows(InvalidStateException.class, () -> cloud.instances.checkAction(ANN, running.id(), InstanceAction.DELETE, true));
        assertThrows(cloud.minicloud.core.NotFoundException.class, () -> cloud.instances.checkAction(TestCloud.member("bob", "globex"),
                running.id(), InstanceAction.STOP, false));

        assertEquals(InstanceState.RUNNING, cloud.instances.get(ANN, running.id()).state());
    }

    @Test
    void with_every_node_unreachable_an_order_is_refused_up_front_saying_so() {
        FakeNode node = cloud.addNode("n1");
        node.disconnect();
        cloud.nodes.probe(cloud.nodes.nodeIds().get(0));

        NoCapacityException refusal = assertThrows(NoCapacityException.class, () -> cloud.launch(ANN, "entry", 1));

        assertTrue(refusal.getMessage().contains("no compute node is reachable"), refusal.getMessage());
        assertEquals(List.of(), node.domainIds());
        assertEquals(NodeHealth.UNREACHABLE, cloud.nodes.list(TestCloud.admin()).get(0).health());
    }

    @Test
    void spread_placement_puts_each_instance_on_the_node_with_the_most_free_memory() {
        cloud.addNode("n1");
        cloud.addNode("n2");

        List<InstanceView> ordered = cloud.launch(ANN, "standard", 2);

        assertNotEquals(ordered.get(0).node(), ordered.get(1).node());
    }

    @Test
    void of_two_nodes_with_as_much_room_the_one_holding_the_images_template_is_chosen() {
        cloud.addNode("n1");
        cloud.addNode("n2");
        long n2 = cloud.nodeRepository.findByName("n2").orElseThrow().id();
        long tiny = cloud.images.publicImage("tiny").orElseThrow().id();
        cloud.images.recordTemplateOnNode(n2, tiny);
        cloud.images.claimTemplateCopy(n2, tiny, "copier", 20);
        cloud.images.templateReadyOnNode(n2, tiny, "copier");

        assertEquals("n2", cloud.launch(ANN, "standard", 1).get(0).node(), "n2 need not be sent the template");
    }

    @Test
    void a_create_that_fails_undoes_the_launch_and_gives_everything_back() {
        FakeNode node = cloud.addNode("n1");
        node.failNext(NodeCall.CREATE, "the pool is full");
        cloud.startWorkers();

        InstanceView ordered = cloud.launch(ANN, "general", 1).get(0);

        InstanceView failed = cloud.await(ANN, ordered.id(), InstanceState.ERROR);
        assertTrue(failed.stateReason().contains("the pool is full"), failed.stateReason());
        awaitTrue(cloud::settled, () -> "tasks did not settle");
        assertEquals(0, usedVcpus());
        assertEquals(0, cloud.nodeRepository.claims());
        assertEquals(0, cloud.networkRepository.addressesTaken());
        assertEquals(List.of(), node.volumeNames().stream().filter(v -> v.startsWith(ordered.id().toString())).toList());
    }

    @Test
    void a_delete_that_overtakes_a_failing_launch_ends_it_deleted_with_everything_given_back() throws Exception {
        FakeNode node = cloud.addNode("n1");
        FakeNode.Hang hang = node.hang(NodeCall.CREATE);
        cloud.startWorkers();
        InstanceView ordered = cloud.launch(ANN, "general", 1).get(0);
        assertTrue(hang.awaitReached(10));

        cloud.instances.delete(ANN, ordered.id());
        node.failNext(NodeCall.CREATE, "the pool is full");
        hang.release();

        awaitTrue(() -> usedVcpus() == 0 && cloud.settled(), () -> "the delete did not finish the failed launch");
        assertThrows(cloud.minicloud.core.NotFoundException.class, () -> cloud.instances.get(ANN, ordered.id()),
                "deleted, not left in ERROR");
        assertEquals(0, cloud.nodeRepository.claims());
        assertEquals(0, cloud.networkRepository.addressesTaken());
        assertEquals(List.of(), node.domainIds());
    }

    @Test
    void a_launch_whose_node_goes_away_waits_saying_so_and_finishes_once_it_is_back() {
        FakeNode node = cloud.addNode("n1");
        node.disconnect();
        cloud.startWorkers();
        InstanceView ordered = orderedWhileTheNodeLooksUp(node);

        awaitTrue(() -> waiting(ordered.id()) != null, () -> "the task never said it waits for its node");
        assertTrue(waiting(ordered.id()).contains("waiting for its compute node"), waiting(ordered.id()));
        cloud.nodes.probe(cloud.nodes.nodeIds().get(0));
        assertNotNull(cloud.instances.get(ANN, ordered.id()).nodeProblem(), "the instance shows its node is away");

        node.reconnect();
        cloud.nodes.probe(cloud.nodes.nodeIds().get(0));
        cloud.await(ANN, ordered.id(), InstanceState.RUNNING);
        assertNull(cloud.instances.get(ANN, ordered.id()).nodeProblem());
    }

    @Test
    void a_step_that_fails_as_its_node_goes_away_is_tried_again_once_the_node_is_back() {
        // As when libvirtd is killed during a call: the call ends in an error, then nothing answers.
        FakeNode node = cloud.addNode("n1");
        node.failNext(NodeCall.NETWORK_ENSURE, "An error occurred, but the cause is unknown");
        node.cutConnectionAt(NodeCall.DELETE, false);
        cloud.startWorkers();
        InstanceView ordered = cloud.launch(ANN, "general", 1).get(0);

        awaitTrue(() -> waiting(ordered.id()) != null, () -> "the launch never waited for its node");
        assertEquals(InstanceState.PENDING, cloud.instances.get(ANN, ordered.id()).state(), "not failed for the node's going");
        node.reconnect();

        cloud.await(ANN, ordered.id(), InstanceState.RUNNING);
        assertEquals(List.of(ordered.id()), node.domainIds());
    }

    @Test
    void a_launch_whose_node_never_comes_back_ends_in_error_and_keeps_its_quota_until_deleted() throws Exception {
        cloud.close();
        cloud = new TestCloud(CloudSettings.defaults().withNodePatience(Duration.ofSeconds(2)));
        FakeNode node = cloud.addNode("n1");
        node.disconnect();
        cloud.startWorkers();
        InstanceView ordered = orderedWhileTheNodeLooksUp(node);

        InstanceView failed = cloud.await(ANN, ordered.id(), InstanceState.ERROR);
        assertTrue(failed.stateReason().contains("delete the instance"), failed.stateReason());
        assertEquals(2, usedVcpus(), "what it made may still be on the node: held until a delete cleaned up");

        node.reconnect();
        cloud.instances.delete(ANN, ordered.id());
        awaitTrue(() -> usedVcpus() == 0, () -> "the delete did not give the quota back");
        assertEquals(0, cloud.nodeRepository.claims());
        assertEquals(List.of(), node.domainIds());
    }

    /** The node was up when probed (so placement chose it) and went away after: orders while it looks up. */
    private InstanceView orderedWhileTheNodeLooksUp(FakeNode node) {
        return cloud.launch(ANN, "general", 1).get(0);
    }

    private String waiting(UUID instance) {
        List<TaskView> history = cloud.instances.history(ANN, instance);
        return history.isEmpty() ? null : history.get(0).waiting();
    }

    @Test
    void a_node_that_hangs_holds_up_none_of_the_other_nodes_work() throws Exception {
        FakeNode slow = cloud.addNode("a-slow");
        cloud.addNode("b-fine");
        FakeNode.Hang hang = slow.hang(NodeCall.CREATE);
        cloud.startWorkers();

        List<InstanceView> ordered = cloud.launch(ANN, "standard", 4);

        assertTrue(hang.awaitReached(10));
        for (InstanceView instance : ordered) {
            if (instance.node().equals("b-fine")) {
                cloud.await(ANN, instance.id(), InstanceState.RUNNING);
            }
        }
        hang.release();
        for (InstanceView instance : ordered) {
            cloud.await(ANN, instance.id(), InstanceState.RUNNING);
        }
    }

    @Test
    void a_node_that_serves_libvirts_default_of_five_calls_gets_three_tasks_at_once_from_a_server() throws Exception {
        FakeNode node = cloud.addNode("n1", 5);
        FakeNode.Hang hang = node.hang(NodeCall.START);
        cloud.startWorkers();

        List<InstanceView> ordered = cloud.launch(ANN, "entry", 8);

        assertTrue(hang.awaitReached(10));
        // Three get there (however slowly, on a busy machine); then no more, however long we look.
        awaitTrue(() -> node.calls(NodeCall.START) >= 3, () -> node.calls(NodeCall.START) + " starts reached the node");
        Thread.sleep(500);
        assertEquals(3, node.calls(NodeCall.START), "the other launches wait in the queue, not in a worker");
        hang.release();
        ordered.forEach(instance -> cloud.await(ANN, instance.id(), InstanceState.RUNNING));
    }

    @Test
    void a_launch_the_portal_is_redeployed_under_is_finished_at_once_by_the_next_server_with_one_domain() throws Exception {
        FakeNode node = cloud.addNode("n1");
        FakeNode.Hang hang = node.hang(NodeCall.START);
        cloud.startWorkers();
        InstanceView ordered = cloud.launch(ANN, "general", 1).get(0);
        assertTrue(hang.awaitReached(10));

        cloud.workers.stop();
        hang.release();

        // Handed on, not held until its lease runs out: the next server takes it up at once.
        assertEquals(1, cloud.tasks.claimable(8, java.util.Set.of(), java.util.Set.of()).size());
        cloud.startAnotherServer();
        cloud.await(ANN, ordered.id(), InstanceState.RUNNING);
        awaitTrue(cloud::settled, () -> "the launch task did not finish");
        assertEquals(List.of(ordered.id()), node.domainIds());
        assertEquals(2, usedVcpus());
        assertEquals(1, cloud.nodeRepository.claims());
    }

    @Test
    void a_connection_lost_after_the_create_took_effect_resumes_with_exactly_one_domain() {
        FakeNode node = cloud.addNode("n1");
        node.cutConnectionAt(NodeCall.CREATE, true);
        cloud.startWorkers();

        InstanceView ordered = cloud.launch(ANN, "general", 1).get(0);
        awaitTrue(() -> waiting(ordered.id()) != null, () -> "the launch never waited for its node");
        node.reconnect();

        cloud.await(ANN, ordered.id(), InstanceState.RUNNING);
        assertEquals(List.of(ordered.id()), node.domainIds());
        assertEquals(2, usedVcpus());
    }

    @Test
    void many_launches_at_once_copy_the_image_to_the_node_once() {
        FakeNode node = cloud.addNode("n1");
        cloud.startWorkers();

        List<InstanceView> ordered = cloud.launch(ANN, "entry", 10);

        ordered.forEach(instance -> cloud.await(ANN, instance.id(), InstanceState.RUNNING));
        assertEquals(1, node.calls(NodeCall.TEMPLATE_UPLOAD));
    }
}
