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
        events.add(new UsageEvent(tenantId, UsageKind.COMPUTE, instanceId, name, flavor, 0, begins, at));
    }

    /** A disk (or a custom image) of so many GiB came to exist (begins) or is gone. */
    public void storage(long tenantId, UsageKind kind, String resourceId, String name, int sizeGib, boolean begins,
                        Instant at) {
        if (kind == UsageKind.COMPUTE) {
            throw new IllegalArgumentException("compute is metered by flavor, not size");
        }
        events.add(new UsageEvent(tenantId, kind, resourceId, name, null, sizeGib, begins, at));
    }
}
