package cloud.minicloud.core.instance;

import static cloud.minicloud.core.testing.TestCloud.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.minicloud.core.InvalidRequestException;
import cloud.minicloud.core.NotFoundException;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.task.TaskKind;
import cloud.minicloud.core.testing.TestCloud;
import cloud.minicloud.core.usage.UsageEvent;
import cloud.minicloud.core.usage.UsageKind;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Subscriptions against a fake node: bought when first running, converted, renewed, stopped at the end, released after grace. */
class SubscriptionTest {

    private static final Caller ANN = TestCloud.member("ann", "acme");
    private static final Caller BOB = TestCloud.member("bob", "globex");

    private final TestCloud cloud = new TestCloud();

    @BeforeEach
    void aNode() {
        cloud.addNode("n1");
        cloud.startWorkers();
    }

    @AfterEach
    void close() throws Exception {
        cloud.close();
    }

    private InstanceView subscribed(int period, String unit) {
        String network = cloud.networks.create(ANN, "net").id().toString();
        InstanceView ordered = cloud.instances.launch(ANN, new LaunchOrder("sub", "entry", "tiny", network, null,
                "Secret-pass-1", null, 1, null, "subscription", period, unit, null)).get(0);
        cloud.await(ANN, ordered.id(), InstanceState.RUNNING);
        awaitTrue(cloud::settled, () -> "the launch task did not finish");
        return cloud.instances.get(ANN, ordered.id());
    }

    /** What the schedule does at {@code now}: each due subscription enforced; the ones acted on. */
    private List<UUID> enforce(Instant now) {
        return cloud.subscriptions.due(now).stream().filter(id -> cloud.subscriptions.enforce(id, now)).toList();
    }

    private boolean gone(UUID id) {
        try {
            cloud.instances.get(ANN, id);
            return false;
        } catch (NotFoundException e) {
            return true;
        }
    }

    private List<UsageEvent> events() {
        return cloud.usage.ofTenant(cloud.tenants.findByAlias("acme").orElseThrow().id());
    }

    @Test
    void a_subscription_is_bought_when_it_first_runs_and_meters_nothing_by_the_hour() {
        InstanceView instance = subscribed(3, "month");

        assertEquals(BillingMethod.SUBSCRIPTION, instance.billing());
        Instant began = instance.stateChangedAt();
        assertEquals(began.atOffset(ZoneOffset.UTC).plusMonths(3).toInstant(), instance.subscription().expiresAt());
        assertEquals(instance.subscription().expiresAt().plus(Duration.ofDays(15)), instance.subscription().releaseAt());
        List<UsageEvent> events = events();
        assertEquals(1, events.size(), "one purchase, no compute or disk meters: " + events);
        UsageEvent bought = events.get(0);
        assertEquals(UsageKind.SUBSCRIPTION, bought.kind());
        assertEquals(3, bought.months());
        assertEquals("entry", bought.flavor());
        assertEquals(instance.systemDiskGib(), bought.sizeGib());
        assertEquals(began, bought.occurredAt());

        cloud.instances.act(ANN, instance.id(), InstanceAction.STOP);
        cloud.await(ANN, instance.id(), InstanceState.STOPPED);
        cloud.instances.act(ANN, instance.id(), InstanceAction.START);
        cloud.await(ANN, instance.id(), InstanceState.RUNNING);
        assertEquals(1, events().size(), "stopping and starting again buys nothing more");
        InvalidStateException resize = assertThrows(InvalidStateException.class,
                () -> cloud.instances.resize(ANN, instance.id(), "general"));
        assertTrue(resize.getMessage().contains("subscription"), resize.getMessage());
    }

    @Test
    void a_term_that_ends_stops_the_instance_and_after_the_grace_period_releases_it() {
        InstanceView instance = subscribed(1, "year");
        Instant end = instance.subscription().expiresAt();
        assertEquals(instance.stateChangedAt().atOffset(ZoneOffset.UTC).plusYears(1).toInstant(), end);

        assertEquals(List.of(), enforce(end.minusSeconds(1)), "nothing to do before the end");
        assertEquals(List.of(instance.id()), enforce(end));
        cloud.await(ANN, instance.id(), InstanceState.STOPPED);
        assertEquals(TaskKind.STOP, cloud.instances.history(ANN, instance.id()).get(0).kind());
        assertEquals(List.of(), enforce(end.plus(Duration.ofDays(14))), "stopped already, grace not over");

        assertEquals(List.of(instance.id()), enforce(end.plus(Duration.ofDays(15))));
        awaitTrue(() -> gone(instance.id()), () -> "not released");
        awaitTrue(() -> cloud.quotaService.quotaOf(ANN).used().instances() == 0, () -> "its quota not given back");
        assertEquals(1, events().size(), "a subscription's release meters nothing: " + events());
    }

    @Test
    void converting_ends_the_meters_and_buys_the_term_at_the_same_moment() {
        InstanceView instance = cloud.runningInstance(ANN);

        InstanceView converted = cloud.subscriptions.subscribe(ANN, instance.id(), new Subscriptions.TermRequest(2, null));

        assertEquals(BillingMethod.SUBSCRIPTION, converted.billing());
        List<UsageEvent> events = events();
        List<String> seen = events.stream().map(e -> e.kind() + (e.begins() ? " begins" : " ends")).toList();
        assertEquals(List.of("DISK begins", "COMPUTE begins", "COMPUTE ends", "DISK ends", "SUBSCRIPTION begins"), seen);
        Instant at = events.get(4).occurredAt();
        assertEquals(at, events.get(2).occurredAt());
        assertEquals(at, events.get(3).occurredAt());
        assertEquals(at.atOffset(ZoneOffset.UTC).plusMonths(2).toInstant(), converted.subscription().expiresAt());
        assertThrows(InvalidStateException.class,
                () -> cloud.subscriptions.subscribe(ANN, instance.id(), new Subscriptions.TermRequest(1, "month")),
                "a subscription already");

        cloud.instances.delete(ANN, instance.id());
        awaitTrue(() -> gone(instance.id()), () -> "not deleted");
        assertEquals(5, events().size(), "the disk's meter ended at the conversion, not again at the delete");
    }

    @Test
    void renewing_runs_on_from_the_end_and_buys_the_months_now() {
        InstanceView instance = subscribed(1, null);
        Instant end = instance.subscription().expiresAt();

        InstanceView renewed = cloud.subscriptions.renew(ANN, instance.id(), new Subscriptions.TermRequest(2, "year"));

        assertEquals(end.atOffset(ZoneOffset.UTC).plusMonths(24).toInstant(), renewed.subscription().expiresAt());
        UsageEvent bought = events().get(1);
        assertEquals(24, bought.months());
        assertTrue(Duration.between(bought.occurredAt(), Instant.now()).toSeconds() < 60, "bought now");
    }

    @Test
    void renewing_after_the_end_runs_from_now() {
        Instance instance = Instance.order(UUID.randomUUID(), 1, "x", "x", 1, 1, 1024, 1, UUID.randomUUID(), 20, "52:54:00:00:00:01",
                null, "ssh-ed25519 AAAA", new Term(1));
        instance.moveTo(InstanceState.RUNNING, "ran");
        instance.beginTerm(Instant.parse("2030-01-31T10:00:00Z"));
        assertEquals(Instant.parse("2030-02-28T10:00:00Z"), instance.expiresAt(), "a month on, at the month's last day");
        Instant now = Instant.parse("2030-03-05T00:00:00Z");
        assertTrue(instance.expired(now));

        instance.renew(new Term(1), now);

        assertEquals(Instant.parse("2030-04-05T00:00:00Z"), instance.expiresAt());
    }

    @Test
    void bad_terms_are_refused_and_order_nothing() {
        String network = cloud.networks.create(ANN, "net").id().toString();
        for (LaunchOrder bad : List.of(
                new LaunchOrder("x", "entry", "tiny", network, null, "Secret-pass-1", null, 1, null, "subscription", 13, "month", null),
                new LaunchOrder("x", "entry", "tiny", network, null, "Secret-pass-1", null, 1, null, "subscription", 4, "year", null),
                new LaunchOrder("x", "entry", "tiny", network, null, "Secret-pass-1", null, 1, null, "subscription", null, null, null),
                new LaunchOrder("x", "entry", "tiny", network, null, "Secret-pass-1", null, 1, null, "subscription", 1, "week", null),
                new LaunchOrder("x", "entry", "tiny", network, null, "Secret-pass-1", null, 1, null, "payg", 1, "month", null),
                new LaunchOrder("x", "entry", "tiny", network, null, "Secret-pass-1", null, 1, null, "prepaid", 1, "month", null))) {
            assertThrows(InvalidRequestException.class, () -> cloud.instances.launch(ANN, bad), bad.toString());
        }
        assertEquals(0, cloud.instances.count(ANN, null, null));
        assertEquals(0, cloud.quotaService.quotaOf(ANN).used().instances());
        assertEquals(List.of(), events());
    }

    @Test
    void a_pay_as_you_go_instance_cannot_be_renewed_and_another_tenants_is_not_found() {
        InstanceView instance = cloud.runningInstance(ANN);
        assertThrows(InvalidStateException.class,
                () -> cloud.subscriptions.renew(ANN, instance.id(), new Subscriptions.TermRequest(1, "month")));
        assertThrows(NotFoundException.class,
                () -> cloud.subscriptions.subscribe(BOB, instance.id(), new Subscriptions.TermRequest(1, "month")));
        assertNull(cloud.instances.get(ANN, instance.id()).subscription());
        assertNotNull(instance.billing());
    }
}
