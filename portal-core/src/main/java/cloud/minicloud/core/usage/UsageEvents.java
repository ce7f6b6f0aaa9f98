package cloud.minicloud.core.usage;

/** Where usage events are kept: appended in the transaction of the change; billing reads them (its own way). */
public interface UsageEvents {

    void add(UsageEvent event);
}
