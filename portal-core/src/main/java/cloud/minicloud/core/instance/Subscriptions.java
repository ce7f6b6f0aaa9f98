package cloud.minicloud.core.instance;

import cloud.minicloud.core.audit.Audited;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.task.TaskKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Subscriptions, as on ECS: a tenant converts a pay-as-you-go instance or renews a subscription
 * (each a purchase of months, metered at once); when a term ends unrenewed the instance is
 * stopped, and released once the grace period the admin set has passed too.
 */
@ApplicationScoped
@Transactional
public class Subscriptions {

    /** Who the task journal says stopped or released an instance whose term ended. */
    static final String EXPIRY = "the end of its subscription";
    static final java.time.Duration SETTLE = java.time.Duration.ofMinutes(10);

    @Inject
    InstanceService service;

    @Inject
    InstanceRepository instances;

    @Inject
    InstanceMetering metering;

    @Inject
    InstanceChanges changes;

    @Inject
    SubscriptionPolicy policy;

    @Inject
    cloud.minicloud.core.quota.TenantEnrolment enrolment;

    @Inject
    cloud.minicloud.core.quota.QuotaRepository quotas;

    /** Converts a pay-as-you-go instance: its meters stop, and a term of {@code term} begins and is bought now. */
    @Audited
    public InstanceView subscribe(Caller caller, UUID id, TermRequest term) {
        Instance instance = service.lockOwned(caller, id);
        refuseWhileOrdersClosed(instance);
        metering.subscribed(instance, TermRequest.termOf(term));
        changes.changed(instance.tenantId(), id);
        return instances.view(id);
    }

    /** Renews a subscription from its end (from now if it has ended), and buys the months now. */
    @Audited
    public InstanceView renew(Caller caller, UUID id, TermRequest term) {
        Instance instance = service.lockOwned(caller, id);
        refuseWhileOrdersClosed(instance);
        metering.renewed(instance, TermRequest.termOf(term), now());
        changes.changed(instance.tenantId(), id);
        return instances.view(id);
    }

    /** The caller's subscriptions that end within the warning period, or have ended: what tenants are warned of. */
    public List<InstanceView> ending(Caller caller) {
        return instances.subscriptionsEndingBy(enrolment.tenantOf(caller).id(), now().plus(policy.terms().warning()));
    }

    /** Buying is ordering: refused, with the reason, while a cloud admin has closed the tenant's orders. */
    private void refuseWhileOrdersClosed(Instance instance) {
        quotas.find(instance.tenantId()).flatMap(cloud.minicloud.core.quota.Quota::ordersClosed).ifPresent(why -> {
            throw new cloud.minicloud.core.quota.OrdersClosedException(why);
        });
    }

    /**
     * The subscriptions whose end calls for something at {@code now}: ended and still running (to
     * stop), or ended more than the grace period ago (to release). One that changed state in the
     * last {@link #SETTLE} is left for later: a stop or release that failed is not retried at once.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UUID> due(Instant now) {
        return instances.subscriptionsDue(now, now.minus(policy.terms().grace()), now.minus(SETTLE));
    }

    /**
     * Stops a subscription whose term has ended, or releases it once the grace period is over too
     * (each a task, driven after commit). Answers whether it acted; one renewed meanwhile is left alone.
     */
    public boolean enforce(UUID id, Instant now) {
        Instance instance = instances.lock(id).orElseThrow();
        if (!instance.expired(now)) {
            return false;
        }
        if (!now.isBefore(instance.expiresAt().plus(policy.terms().grace())) && instance.allows(InstanceAction.DELETE)) {
            service.begin(instance, InstanceAction.DELETE, TaskKind.DELETE, null, EXPIRY);
            return true;
        }
        if (instance.allows(InstanceAction.STOP)) {
            service.begin(instance, InstanceAction.STOP, TaskKind.STOP, null, EXPIRY);
            return true;
        }
        return false;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** A term as a request names it: {@code period} of {@code periodUnit} ("month", the default, or "year"). */
    public record TermRequest(Integer period, String periodUnit) implements cloud.minicloud.core.audit.AuditTarget {

        @Override
        public String auditTarget() {
            return "term " + period + " " + (periodUnit == null ? "month" : periodUnit.strip());
        }

        static Term termOf(TermRequest request) {
            return request == null ? Term.of(null, null) : Term.of(request.period(), request.periodUnit());
        }
    }
}
