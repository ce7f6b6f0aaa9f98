package cloud.minicloud.core.audit;

import java.time.Instant;
import java.util.List;

/** Where sign-ins are read from: Keycloak's login events. */
public interface SignInFeed {

    /** The sign-ins (and failed ones) at or after {@code from}, oldest first, at most {@code max}. */
    List<SignIn> from(Instant from, int max);
}
