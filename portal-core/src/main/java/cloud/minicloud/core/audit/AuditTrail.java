package cloud.minicloud.core.audit;

import cloud.minicloud.core.identity.AuthorizationFailure;
import cloud.minicloud.core.identity.Caller;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Records every {@link Audited} call: who (user, tenant, roles, client address, request id), what (the use case), on what (the
 * ids, names and choices it was given) and how it ended (done, or refused and why), in the {@link AuditLog} and on the
 * logger {@code minicloud.audit}. It wraps the call's own transaction (its priority is before the
 * transactions'), so "done" is only written for a change that was committed.
 */
@Audited
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class AuditTrail {

    @Inject
    AuditWriter writer;

    @AroundInvoke
    Object record(InvocationContext call) throws Exception {
        Caller caller = Arrays.stream(call.getParameters()).filter(Caller.class::isInstance).map(Caller.class::cast)
                .findFirst().orElse(null);
        if (caller == null) {
            return call.proceed();
        }
        String action = call.getMethod().getDeclaringClass().getSimpleName() + "." + call.getMethod().getName();
        String targets = Arrays.stream(call.getParameters())
                .filter(p -> p instanceof Number || p instanceof java.util.UUID || p instanceof CharSequence || p instanceof Enum
                        || p instanceof AuditTarget)
                .map(p -> p instanceof AuditTarget target ? target.auditTarget() : p.toString())
                .collect(Collectors.joining(","));
        String line = line(caller, action, targets);
        try {
            Object result = call.proceed();
            AuditEntry done = new AuditEntry(caller, action, targets, true, null);
            if (result instanceof TenantOwned owned && !owned.tenant().equals(caller.tenantAlias())) {
                done.underTenant(owned.tenant());
            }
            writer.write(done, line + "done");
            return result;
        } catch (Exception | Error refused) {
            if (refused instanceof AuthorizationFailure failure) {
                failure.markRecorded();
            }
            writer.write(new AuditEntry(caller, action, targets, false, refused.getMessage()), line + "refused: " + refused.getMessage());
            throw refused;
        }
    }

    /** The server log's words for a call: the request, who, and what on what. */
    static String line(Caller caller, String action, String targets) {
        return "request " + caller.origin().requestId() + " from " + caller.origin().clientAddress() + ": "
                + caller.username() + caller.tenant().map(t -> "@" + t).orElse("") + " " + action + " [" + targets + "] ";
    }
}
