package cloud.minicloud.core.identity;

/**
 * A known caller was refused for want of a role or a tenant. The audit log records each refusal
 * once: where an audited use case already recorded it, it says so here.
 */
public abstract class AuthorizationFailure extends RuntimeException {

    private volatile boolean recorded;

    protected AuthorizationFailure(String message) {
        super(message);
    }

    public boolean recorded() {
        return recorded;
    }

    public void markRecorded() {
        recorded = true;
    }
}
