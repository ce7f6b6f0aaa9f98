package cloud.minicloud.core.instance;

import cloud.minicloud.core.flavor.FlavorRepository;
import cloud.minicloud.core.usage.UsageKind;
import cloud.minicloud.core.usage.UsageMeter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.BooleanSupplier;

/**
 * What an instance's changes mean for its meters. Paying as it goes: compute runs while the guest
 * runs (as its flavor then), the system disk exists from the order until its resources are given
 * back. A subscription meters nothing by the hour: it is a purchase of months, when its guest first
 * runs and at each renewal.
 */
@ApplicationScoped
public class InstanceMetering {

    @Inject
    UsageMeter meter;

    @Inject
    FlavorRepository flavors;

    /**
     * Makes a change, and records compute beginning or ending where it changed whether compute is
     * metered; a subscription whose guest runs for the first time begins its term (and is bought).
     */
    boolean move(Instance instance, BooleanSupplier change) {
        boolean ran = instance.computeBilled();
        boolean moved = change.getAsBoolean();
        if (ran != instance.computeBilled()) {
            meter.compute(instance.tenantId(), instance.id().toString(), instance.name(), flavorOf(instance), !ran,
                    instance.stateChangedAt());
        }
        if (instance.termDue()) {
            instance.beginTerm(instance.stateChangedAt());
            bought(instance, instance.termMonths(), instance.stateChangedAt());
        }
        return moved;
    }

    void diskOrdered(Instance instance) {
        if (instance.paysAsItGoes()) {
            disk(instance, true, instance.createdAt());
        }
    }

    void diskReleased(Instance instance) {
        if (instance.paysAsItGoes()) {
            disk(instance, false, now());
        }
    }

    /** Converted to a subscription now: its meters stop, and the term is bought. */
    void subscribed(Instance instance, Term term) {
        Instant at = now();
        if (instance.computeBilled()) {
            meter.compute(instance.tenantId(), instance.id().toString(), instance.name(), flavorOf(instance), false, at);
        }
        instance.subscribe(term, at);
        disk(instance, false, at);
        bought(instance, term.months(), at);
    }

    /** Renewed at {@code at} for {@code term}. */
    void renewed(Instance instance, Term term, Instant at) {
        instance.renew(term, at);
        bought(instance, term.months(), at);
    }

    private void bought(Instance instance, int months, Instant at) {
        meter.subscription(instance.tenantId(), instance.id().toString(), instance.name(), flavorOf(instance),
                instance.systemDiskGib(), months, at);
    }

    private String flavorOf(Instance instance) {
        return flavors.find(instance.flavorId()).orElseThrow().name();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private void disk(Instance instance, boolean begins, Instant at) {
        meter.storage(instance.tenantId(), UsageKind.DISK, instance.id().toString(), instance.name(),
                instance.systemDiskGib(), begins, at);
    }
}
