package cloud.minicloud.core.audit;

import cloud.minicloud.core.BackgroundWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Every half minute, the sign-ins Keycloak recorded since the last look become audit lines
 * ({@value AuditEntry#SIGN_IN}, done or refused with Keycloak's reason). Keycloak is read outside
 * any transaction; the lines and the feed's mark are then written in one.
 */
@ApplicationScoped
public class SignInRecorder extends BackgroundWork {

    static final String FEED = "keycloak-sign-ins";
    private static final int BATCH = 500;
    /**
     * Keycloak stamps an event before its transaction commits: one stamped earlier may appear after a
     * later one was read. Events this young are left for the next run, so the mark never passes them.
     */
    private static final Duration SETTLE = Duration.ofSeconds(10);

    @Inject
    SignInFeed feed;

    @Inject
    AuditLog log;

    public SignInRecorder() {
        super("recording sign-ins", Duration.ofSeconds(15), Duration.ofSeconds(30));
    }

    @Override
    protected void runOnce() {
        catchUp();
    }

    /** Records what the feed has that the log does not; answers how many. */
    public int catchUp() {
        int recorded = 0;
        while (true) {
            Instant settled = Instant.now().minus(SETTLE);
            List<SignIn> read = feed.from(log.mark(FEED).readTo(), BATCH);
            int fresh = log.appendSignIns(FEED, read.stream().filter(e -> e.at().isBefore(settled)).toList());
            recorded += fresh;
            if (read.size() < BATCH || fresh == 0) {
                return recorded;
            }
        }
    }
}
