package cloud.minicloud.core.audit;

import java.time.Instant;

/**
 * An audit log line as admins read it.
 *
 * @param roles   the roles the caller held for the call, comma-separated
 * @param clientAddress where the request came from
 * @param requestId the request's id, as its response's {@code X-Request-Id} header said
 * @param action  the use case, e.g. {@code ImageService.share}
 * @param targets the ids and names it was given, comma-separated
 * @param outcome DONE, or REFUSED with the {@code reason}
 */
public record AuditEntryView(long id, Instant at, String user, String tenant, String roles, String clientAddress,
                             String requestId, String action, String targets, String outcome, String reason) {
}
