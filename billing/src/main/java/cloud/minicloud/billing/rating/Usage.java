package cloud.minicloud.billing.rating;

import cloud.minicloud.core.usage.UsageKind;
import java.time.Instant;

/** A usage event as billing reads it from the core's outbox. */
public record Usage(long id, long tenantId, UsageKind kind, String resourceId, String resourceName, String flavor,
                    int sizeGib, boolean begins, Instant occurredAt) {
}
