package cloud.minicloud.core.instance;

import java.time.Instant;
import java.util.UUID;

/**
 * An instance as the console and the API show it. {@code node} and {@code privateIp} may be null.
 * {@code nodeProblem} says, while its node is unreachable or degraded, that its work waits for the
 * node (null otherwise); {@code actions} are what its state lets a user do now.
 */
public record InstanceView(UUID id, String tenant, String name, String hostname, InstanceState state, String stateReason,
                           Instant stateChangedAt, String flavor, int vcpus, long memoryMib, String image, long imageId,
                           int systemDiskGib, UUID network, String networkName, String privateIp, String node,
                           String nodeProblem, java.util.Set<InstanceAction> actions, Instant createdAt,
                           BillingMethod billing, Subscription subscription)
        implements cloud.minicloud.core.audit.TenantOwned {

    /**
     * A subscription's term: {@code expiresAt} and {@code releaseAt} are null until its guest first
     * runs (the term begins then); {@code notice} warns of the end ahead, or that it has come.
     */
    public record Subscription(int termMonths, Instant expiresAt, Instant releaseAt, Notice notice) {

        public enum Notice {
            /** Nothing to say: not begun yet, or far from its end. */
            NONE,
            /** Ends within the warning period: renew it to keep it running. */
            EXPIRING,
            /** Ended: stopped, and released at {@code releaseAt} unless renewed. */
            EXPIRED
        }

        static Subscription of(int termMonths, Instant expiresAt, SubscriptionPolicy.Terms terms, Instant now) {
            if (expiresAt == null) {
                return new Subscription(termMonths, null, null, Notice.NONE);
            }
            Notice notice = !now.isBefore(expiresAt) ? Notice.EXPIRED
                    : !now.isBefore(expiresAt.minus(terms.warning())) ? Notice.EXPIRING : Notice.NONE;
            return new Subscription(termMonths, expiresAt, expiresAt.plus(terms.grace()), notice);
        }
    }

    public boolean allows(InstanceAction action) {
        return actions.contains(action);
    }

    /** The states the action may be taken from (the instance's rule), for saying why not. */
    public static java.util.Set<InstanceState> statesAllowing(InstanceAction action) {
        return Instance.statesAllowing(action);
    }
}
