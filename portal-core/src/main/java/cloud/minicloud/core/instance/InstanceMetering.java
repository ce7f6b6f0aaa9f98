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
 * What an instance's changes mean for its meters: compute runs while the guest runs (as its flavor
 * then), the system disk exists from the order until its resources are given back.
 */
@ApplicationScoped
public class InstanceMetering {

    @Inject
    UsageMeter meter;

    @Inject
    FlavorRepository flavors;

    /** Makes a state change, and records compute beginning or ending where it changed whether the guest runs. */
    boolean move(Instance instance, BooleanSupplier change) {
        boolean ran = instance.computeBilled();
        boolean moved = change.getAsBoolean();
        if (ran != instance.computeBilled()) {
            meter.compute(instance.tenantId(), instance.id().toString(), instance.name(),
                    flavors.find(instance.flavorId()).orElseThrow().name(), !ran, instance.stateChangedAt());
        }
        return moved;
    }

    void diskOrdered(Instance instance) {
        disk(instance, true, instance.createdAt());
    }

    void diskReleased(Instance instance) {
        disk(instance, false, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    private void disk(Instance instance, boolean begins, Instant at) {
        meter.storage(instance.tenantId(), UsageKind.DISK, instance.id().toString(), instance.name(),
                instance.systemDiskGib(), begins, at);
    }
}
