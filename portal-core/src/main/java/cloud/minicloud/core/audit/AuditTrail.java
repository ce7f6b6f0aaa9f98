package cloud.minicloud.core.audit;

import cloud.minicloud.core.identity.Caller;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.Arrays;
import java.util.Objects;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Records every {@link Audited} call: who (user and tenant), what (the use case), on what (the
 * ids it was given) and how it ended (done, or refused and why). It writes to the logger
 * {@code minicloud.audit} for now; the audit log (stored, searchable by admins) hooks in here.
 */
@Audited
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class AuditTrail {

    private static final Logger AUDIT = Logger.getLogger("minicloud.audit");

    @AroundInvoke
    Object record(InvocationContext call) throws Exception {
        Caller caller = Arrays.stream(call.getParameters()).filter(Caller.class::isInstance).map(Caller.class::cast)
                .findFirst().orElse(null);
        if (caller == null) {
            return call.proceed();
        }
        String action = call.getMethod().getDeclaringClass().getSimpleName() + "." + call.getMethod().getName();
        String targets = Arrays.stream(call.getParameters())
                .filter(p -> p instanceof Number || p instanceof java.util.UUID || p instanceof CharSequence)
                .map(Objects::toString).collect(Collectors.joining(","));
        String who = caller.username() + caller.tenant().map(t -> "@" + t).orElse("");
        try {
            Object result = call.proceed();
            AUDIT.info(() -> who + " " + action + " [" + targets + "] done");
            return result;
        } catch (Exception | Error refused) {
            AUDIT.info(() -> who + " " + action + " [" + targets + "] refused: " + refused.getMessage());
            throw refused;
        }
    }
}
