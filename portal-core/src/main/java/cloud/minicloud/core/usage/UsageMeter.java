package cloud.minicloud.core.usage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Records that a resource's meter began or ended. Only inside the transaction of the change it
 * records: committed together, or not at all, so usage is never lost and never doubled.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class UsageMeter {

    @Inject
    UsageEvents events;

    /** An instance started running (begins) as a flavor, or stopped running. */
    public void compute(long tenantId, String instanceId, String name, String flavor, boolean begins, Instant at) {
        events.add(new UsageEvent(tenantId, UsageKind.COMPUTE, instanceId, name, flavor, 0, begins, 0, at));
    }

    /** A disk (or a custom image) of so many GiB came to exist (begins) or is gone. */
    public void storage(long tenantId, UsageKind kind, String resourceId, String name, int sizeGib, boolean begins,
                        Instant at) {
        if (kind != UsageKind.DISK && kind != UsageKind.IMAGE) {
            throw new IllegalArgumentException(kind + " is not storage");
        }
        events.add(new UsageEvent(tenantId, kind, resourceId, name, null, sizeGib, begins, 0, at));
    }

    /** An instance's subscription was bought or renewed: {@code months} of its flavor and disk, paid at {@code at}. */
    public void subscription(long tenantId, String instanceId, String name, String flavor, int diskGib, int months,
                             Instant at) {
        events.add(new UsageEvent(tenantId, UsageKind.SUBSCRIPTION, instanceId, name, flavor, diskGib, true, months, at));
    }
}
