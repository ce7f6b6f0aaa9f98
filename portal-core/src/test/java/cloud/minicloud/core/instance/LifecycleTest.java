package cloud.minicloud.core.instance;

import static cloud.minicloud.core.testing.TestCloud.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.NotFoundException;
import cloud.minicloud.core.testing.TestCloud;
import cloud.minicloud.hypervisor.NodeCall;
import cloud.minicloud.hypervisor.PowerState;
import cloud.minicloud.hypervisor.fake.FakeNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Operating an instance through tasks against a fake node: stop, start, reboot, resize, delete. */
class LifecycleTest {

    private static final Caller ANN = TestCloud.member("ann", "acme");
    private static final Caller BOB = TestCloud.member("bob", "globex");

    private final TestCloud cloud = new TestCloud();
    private FakeNode node;
    private InstanceView instance;

    @BeforeEach
    void aRunningInstance() {
        node = cloud.addNode("n1");
        cloud.startWorkers();
        instance = cloud.runningInstance(ANN);
    }

    @AfterEach
    void close() throws Exception {
        cloud.close();
    }

    @Test
    void stop_resize_start_reboot_and_delete_each_end_where_they_should() {
        cloud.instances.act(ANN, instance.id(), InstanceAction.STOP);
        cloud.await(ANN, instance.id(), InstanceState.STOPPED);
        assertEquals(PowerState.SHUT_OFF, node.state(instance.id()));

        cloud.instances.resize(ANN, instance.id(), "general");
        InstanceView resized = cloud.await(ANN, instance.id(), InstanceState.STOPPED);
        awaitTrue(() -> cloud.instances.get(ANN, instance.id()).vcpus() == 2, () -> "not resized");
        assertEquals(2, cloud.quotaService.quotaOf(ANN).used().vcpus());

        cloud.instances.act(ANN, instance.id(), InstanceAction.START);
        cloud.await(ANN, instance.id(), InstanceState.RUNNING);
        cloud.instances.act(ANN, instance.id(), InstanceAction.REBOOT);
        cloud.await(ANN, instance.id(), InstanceState.RUNNING);

        cloud.instances.delete(ANN, instance.id());
        awaitTrue(() -> cloud.quotaService.quotaOf(ANN).used().vcpus() == 0, () -> "quota not given back");
        assertEquals(List.of(), node.domainIds());
        assertEquals(0, cloud.nodeRepository.claims());
        assertThrows(NotFoundException.class, () -> cloud.instances.get(ANN, instance.id()), "deleted is gone");
        assertTrue(resized.stateReason().contains("resized") || resized.state() == InstanceState.STOPPED);
    }

    @Test
    void a_cloud_admin_stops_and_deletes_any_tenants_instance_and_its_history_says_an_administrator_asked() {
        assertThrows(cloud.minicloud.core.identity.AccessDeniedException.class,
                () -> cloud.instances.administer(BOB, instance.id(), InstanceAction.STOP), "a tenant user is no administrator");
        assertThrows(NotFoundException.class, () -> cloud.instances.administer(TestCloud.admin(),
                java.util.UUID.randomUUID(), InstanceAction.STOP));

        assertEquals(java.util.Map.of(InstanceState.RUNNING, 1L), cloud.instances.countAllByState(TestCloud.admin()));
        assertEquals(List.of(instance.id()), cloud.instances.listAll(TestCloud.admin(),
                new InstanceFilter(InstanceState.RUNNING, " ", "acme", "n1", instance.flavor()), 0, 10)
                .stream().map(InstanceView::id).toList(), "tenant, node and flavor narrow the list; a blank name does not");
        for (InstanceFilter other : List.of(new InstanceFilter((InstanceState) null, null, "globex", null, null),
                new InstanceFilter((InstanceState) null, null, null, "n2", null), new InstanceFilter((InstanceState) null, null, null, null, "no-such"))) {
            assertEquals(0, cloud.instances.countAll(TestCloud.admin(), other), other.toString());
        }
        assertThrows(cloud.minicloud.core.identity.AccessDeniedException.class,
                () -> cloud.instances.listAll(ANN, InstanceFilter.ALL, 0, 10), "only cloud admins list every tenant's");
        cloud.instances.administer(TestCloud.admin(), instance.id(), InstanceAction.STOP);
        cloud.await(ANN, instance.id(), InstanceState.STOPPED);
        assertEquals(java.util.Map.of(InstanceState.STOPPED, 1L), cloud.instances.countAllByState(TestCloud.admin()),
                "the overview counts it as stopped");
        assertEquals(PowerState.SHUT_OFF, node.state(instance.id()));
        var asked = cloud.instances.history(ANN, instance.id()).get(0).steps().get(0);
        assertEquals("REQUEST", asked.step());
        assertEquals("by an administrator (admin)", asked.detail());
        cloud.instances.act(ANN, instance.id(), InstanceAction.START);
        cloud.await(ANN, instance.id(), InstanceState.RUNNING);
        assertEquals("by ann", cloud.instances.history(ANN, instance.id()).get(0).steps().get(0).detail(), "the owner asked this time");

        cloud.instances.administer(TestCloud.admin(), instance.id(), InstanceAction.DELETE);
        awaitTrue(() -> cloud.quotaService.quotaOf(ANN).used().vcpus() == 0, () -> "quota not given back");
        assertEquals(List.of(), node.domainIds());
    }

    @Test
    void usage_is_metered_compute_while_running_by_flavor_and_the_disk_while_it_exists() {
        cloud.instances.act(ANN, instance.id(), InstanceAction.STOP);
        cloud.await(ANN, instance.id(), InstanceState.STOPPED);
        cloud.instances.resize(ANN, instance.id(), "general");
        awaitTrue(() -> cloud.instances.get(ANN, instance.id()).vcpus() == 2, () -> "not resized");
        cloud.instances.act(ANN, instance.id(), InstanceAction.START);
        cloud.await(ANN, instance.id(), InstanceState.RUNNING);
        cloud.instances.act(ANN, instance.id(), InstanceAction.REBOOT);
        cloud.await(ANN, instance.id(), InstanceState.RUNNING);
        cloud.instances.delete(ANN, instance.id());
        awaitTrue(() -> cloud.quotaService.quotaOf(ANN).used().vcpus() == 0, () -> "not deleted");

        long acme = cloud.tenants.findByAlias("acme").orElseThrow().id();
        List<String> events = cloud.usage.ofTenant(acme).stream()
                .map(e -> e.kind() + (e.begins() ? " begins " : " ends ") + (e.flavor() == null ? e.sizeGib() + " GiB" : e.flavor()))
                .toList();
        assertEquals(List.of("DISK begins " + instance.systemDiskGib() + " GiB", "COMPUTE begins entry", "COMPUTE ends entry",
                "COMPUTE begins general", "COMPUTE ends general", "DISK ends " + instance.systemDiskGib() + " GiB"), events,
                "a reboot goes on running; a stop and a delete end the compute; the disk lasts until the delete");
        assertTrue(cloud.usage.ofTenant(acme).stream().allMatch(e -> e.resourceId().equals(instance.id().toString())));
    }

    @Test
    void a_failed_stop_leaves_the_instance_as_the_node_says_it_is() {
        node.failNext(NodeCall.SHUTDOWN, "the guest refused");

        cloud.instances.act(ANN, instance.id(), InstanceAction.STOP);

        awaitTrue(() -> cloud.instances.get(ANN, instance.id()).stateReason().contains("stop failed"),
                () -> "the failure was not recorded");
        assertEquals(InstanceState.RUNNING, cloud.instances.get(ANN, instance.id()).state());

        // A cloud admin's overview lists it among the day's failed tasks, with its tenant and why.
        awaitTrue(() -> !cloud.instances.failedSince(TestCloud.admin(), java.time.Instant.now().minusSeconds(86_400)).isEmpty(),
                () -> "no failed task listed");
        FailedTask failed = cloud.instances.failedSince(TestCloud.admin(), java.time.Instant.now().minusSeconds(86_400)).get(0);
        assertEquals(List.of("acme", instance.name(), "STOP"),
                List.of(failed.tenant(), failed.instanceName(), failed.task().kind().name()));
        assertTrue(failed.task().error().contains("the guest refused"), failed.task().error());
        assertEquals(List.of(), cloud.instances.failedSince(TestCloud.admin(), java.time.Instant.now().plusSeconds(60)));
        assertThrows(cloud.minicloud.core.identity.AccessDeniedException.class,
                () -> cloud.instances.failedSince(ANN, java.time.Instant.EPOCH));
    }

    @Test
    void another_tenants_instance_is_not_found_for_any_action() {
        assertThrows(NotFoundException.class, () -> cloud.instances.get(BOB, instance.id()));
        assertThrows(NotFoundException.class, () -> cloud.instances.act(BOB, instance.id(), InstanceAction.STOP));
        assertThrows(NotFoundException.class, () -> cloud.instances.delete(BOB, instance.id()));
        assertEquals(InstanceState.RUNNING, cloud.instances.get(ANN, instance.id()).state());
    }

    @Test
    void an_action_the_state_does_not_allow_is_refused_and_queues_nothing() {
        assertThrows(InvalidStateException.class, () -> cloud.instances.act(ANN, instance.id(), InstanceAction.START));
        assertThrows(InvalidStateException.class, () -> cloud.instances.resize(ANN, instance.id(), "general"));
        assertTrue(cloud.settled());
    }
}
