package cloud.minicloud.core.audit;

import java.time.Instant;

/**
 * A sign-in at the identity provider, or an attempt that failed.
 *
 * @param id       the provider's id for the event (the audit line's request id)
 * @param username who signed in, or the name tried (null when the provider did not say)
 * @param client   the application signed in to (the portal, the command line)
 * @param error    why it failed, or null for a sign-in that succeeded
 */
public record SignIn(String id, Instant at, String username, String client, String address, String error) {

    public boolean succeeded() {
        return error == null;
    }
}
