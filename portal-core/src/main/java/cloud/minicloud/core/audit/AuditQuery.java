package cloud.minicloud.core.audit;

import cloud.minicloud.core.InvalidRequestException;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What someone looks for in the audit log; each part left null matches everything.
 *
 * @param user    the user name, exactly
 * @param tenant  the tenant alias, exactly
 * @param action  the use case, or its start ({@code InstanceService.} for every instance action)
 * @param target  part of a resource's id or name
 * @param outcome DONE or REFUSED
 * @param requestId the request's id, exactly (as its answer's X-Request-Id said)
 * @param from    from this time on
 * @param to      before this time
 */
public record AuditQuery(String user, String tenant, String action, String target, String outcome,
                         String requestId, Instant from, Instant to) {

    public static final AuditQuery EVERYTHING = new AuditQuery(null, null, null, null, null, null, null, null);

    private static final Set<String> OUTCOMES = Set.of("DONE", "REFUSED");

    public AuditQuery {
        user = blankToNull(user);
        tenant = blankToNull(tenant);
        action = blankToNull(action);
        target = blankToNull(target);
        outcome = blankToNull(outcome);
        requestId = blankToNull(requestId);
        if (outcome != null && !OUTCOMES.contains(outcome)) {
            throw new InvalidRequestException("outcome is DONE or REFUSED, not '" + outcome + "'");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidRequestException("'from' must come before 'to'");
        }
    }

    /** The same search, ending at {@code end} at the latest: a reader paging through it then sees no line move. */
    public AuditQuery until(Instant end) {
        Objects.requireNonNull(end, "end");
        return new AuditQuery(user, tenant, action, target, outcome, requestId, from, to == null || end.isBefore(to) ? end : to);
    }

    /** The same search inside one tenant's lines. */
    AuditQuery within(String onlyTenant) {
        return new AuditQuery(user, onlyTenant, action, target, outcome, requestId, from, to);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
