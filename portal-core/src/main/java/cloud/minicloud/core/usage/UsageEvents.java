package cloud.minicloud.core.usage;

import java.util.List;

/** Where usage events are kept: appended in the transaction of the change; billing reads them. */
public interface UsageEvents {

    void add(UsageEvent event);

    /** A tenant's events, oldest first (for tests and for billing's own reading). */
    List<UsageEvent> ofTenant(long tenantId);
}
