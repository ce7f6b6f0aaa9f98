package cloud.minicloud.core.audit;

import java.time.Instant;

/**
 * An audit log line as admins read it.
 *
 * @param action  the use case, e.g. {@code ImageService.share}
 * @param targets the ids and names it was given, comma-separated
 * @param outcome DONE, or REFUSED with the {@code reason}
 */
public record AuditEntryView(long id, Instant at, String user, String tenant, String action, String targets,
                             String outcome, String reason) {
}
