package cloud.minicloud.billing.rating;

import cloud.minicloud.core.usage.UsageKind;
import java.time.Instant;

/** A usage event as billing reads it from the core's outbox ({@code months}: what a SUBSCRIPTION event buys). */
public record Usage(long id, long tenantId, UsageKind kind, String resourceId, String resourceName, String flavor,
                    int sizeGib, boolean begins, Instant occurredAt, int months) {

    /** A meter's event (not a purchase). */
    public Usage(long id, long tenantId, UsageKind kind, String resourceId, String resourceName, String flavor,
                 int sizeGib, boolean begins, Instant occurredAt) {
        this(id, tenantId, kind, resourceId, resourceName, flavor, sizeGib, begins, occurredAt, 0);
    }
}
