package cloud.minicloud.core.usage;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Usage events in memory, in the order they were recorded. */
public class MemoryUsageEvents implements UsageEvents {

    private final List<UsageEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void add(UsageEvent event) {
        events.add(event);
    }

    /** A tenant's events, oldest first. */
    public List<UsageEvent> ofTenant(long tenantId) {
        return events.stream().filter(e -> e.tenantId() == tenantId)
                .sorted(Comparator.comparing(UsageEvent::occurredAt)).toList();
    }
}
