package cloud.minicloud.core.instance;

import cloud.minicloud.core.quota.ResourceAmounts;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A virtual machine of a tenant, and the one place its state rules live: which state may follow
 * which ({@link #NEXT}) and which user action each state allows ({@link #ACTIONS}). Every change of
 * state carries a reason; once a delete is under way, nothing but its end (DELETED, or ERROR if it
 * fails) can change the state again.
 */
@Entity
@Table(name = "instance")
public class Instance {

    private static final int MAX_REASON = 512;

    /**
     * The states that may follow each state. Tasks move an instance through the -ING states; the
     * reconciler moves settled ones when the node says otherwise (stopped or started behind the
     * portal's back, vanished); a failed task ends in the state it came from, or ERROR.
     */
    static final Map<InstanceState, Set<InstanceState>> NEXT = new EnumMap<>(Map.ofEntries(
            Map.entry(InstanceState.PENDING, EnumSet.of(InstanceState.STARTING, InstanceState.RUNNING, InstanceState.ERROR,
                    InstanceState.DELETING)),
            Map.entry(InstanceState.STARTING, EnumSet.of(InstanceState.RUNNING, InstanceState.STOPPED, InstanceState.ERROR,
                    InstanceState.DELETING)),
            Map.entry(InstanceState.RUNNING, EnumSet.of(InstanceState.STOPPING, InstanceState.REBOOTING, InstanceState.STOPPED,
                    InstanceState.ERROR, InstanceState.DELETING, InstanceState.UNKNOWN, InstanceState.MIGRATING)),
            // Moving: it runs on, or stays stopped (here or there) whatever happens; not deleted under the move.
            Map.entry(InstanceState.MIGRATING, EnumSet.of(InstanceState.RUNNING, InstanceState.STOPPED, InstanceState.ERROR)),
            Map.entry(InstanceState.STOPPING, EnumSet.of(InstanceState.STOPPED, InstanceState.RUNNING, InstanceState.ERROR,
                    InstanceState.DELETING)),
            Map.entry(InstanceState.STOPPED, EnumSet.of(InstanceState.STARTING, InstanceState.RESIZING, InstanceState.IMAGING,
                    InstanceState.RUNNING, InstanceState.ERROR, InstanceState.DELETING, InstanceState.UNKNOWN,
                    InstanceState.MIGRATING)),
            // Its node went silent: nothing is done to it until the node answers and says how it is.
            Map.entry(InstanceState.UNKNOWN, EnumSet.of(InstanceState.RUNNING, InstanceState.STOPPED, InstanceState.ERROR)),
            Map.entry(InstanceState.REBOOTING, EnumSet.of(InstanceState.RUNNING, InstanceState.STOPPED, InstanceState.ERROR,
                    InstanceState.DELETING)),
            Map.entry(InstanceState.RESIZING, EnumSet.of(InstanceState.STOPPED, InstanceState.ERROR, InstanceState.DELETING)),
            // Its disk is being copied: it stays off, and is not deleted under the copy.
            Map.entry(InstanceState.IMAGING, EnumSet.of(InstanceState.STOPPED, InstanceState.ERROR)),
            Map.entry(InstanceState.DELETING, EnumSet.of(InstanceState.DELETED, InstanceState.ERROR)),
            Map.entry(InstanceState.DELETED, EnumSet.noneOf(InstanceState.class)),
            // A delete that overtook a failing launch ends it: ERROR (the launch gave up) to DELETED.
            Map.entry(InstanceState.ERROR, EnumSet.of(InstanceState.DELETING, InstanceState.DELETED))));

    /** The states each user action may be taken from. */
    static final Map<InstanceAction, Set<InstanceState>> ACTIONS = new EnumMap<>(Map.of(
            InstanceAction.START, EnumSet.of(InstanceState.STOPPED),
            InstanceAction.STOP, EnumSet.of(InstanceState.RUNNING),
            InstanceAction.REBOOT, EnumSet.of(InstanceState.RUNNING),
            InstanceAction.RESIZE, EnumSet.of(InstanceState.STOPPED),
            InstanceAction.CREATE_IMAGE, EnumSet.of(InstanceState.STOPPED),
            InstanceAction.DELETE, EnumSet.complementOf(
                    EnumSet.of(InstanceState.IMAGING, InstanceState.MIGRATING, InstanceState.DELETING, InstanceState.DELETED,
                            InstanceState.UNKNOWN))));

    /** The state each action moves the instance to while its task runs. */
    private static final Map<InstanceAction, InstanceState> DOING = new EnumMap<>(Map.of(
            InstanceAction.START, InstanceState.STARTING,
            InstanceAction.STOP, InstanceState.STOPPING,
            InstanceAction.REBOOT, InstanceState.REBOOTING,
            InstanceAction.RESIZE, InstanceState.RESIZING,
            InstanceAction.CREATE_IMAGE, InstanceState.IMAGING,
            InstanceAction.DELETE, InstanceState.DELETING));

    @Id
    private String id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private long tenantId;

    private String name;
    private String hostname;

    @Column(name = "flavor_id")
    private long flavorId;

    private int vcpus;

    @Column(name = "memory_mib")
    private long memoryMib;

    @Column(name = "image_id", updatable = false)
    private long imageId;

    @Column(name = "network_id", updatable = false)
    private String networkId;

    @Column(name = "system_disk_gib", updatable = false)
    private int systemDiskGib;

    @Column(name = "mac_address", updatable = false)
    private String macAddress;

    @Column(name = "private_ip")
    private String privateIp;

    @Column(name = "node_id")
    private Long nodeId;

    /** The node it is moving to while it migrates, else null. */
    @Column(name = "migrating_to")
    private Long migratingTo;

    /** Whether it runs while it moves (live), or is stopped (cold); false when it is not moving. */
    @Column(name = "migrating_live")
    private boolean migratingLive;

    @Enumerated(EnumType.STRING)
    private InstanceState state;

    @Column(name = "state_reason")
    private String stateReason;

    @Column(name = "state_changed_at")
    private Instant stateChangedAt;

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    @Column(name = "holds_resources")
    private boolean holdsResources;

    @Column(name = "login_password")
    private String loginPassword;

    @Column(name = "login_ssh_key")
    private String loginSshKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "billing_method")
    private BillingMethod billingMethod = BillingMethod.PAY_AS_YOU_GO;

    /** The subscription term ordered (or last bought); null when paying as it goes. */
    @Column(name = "term_months")
    private Integer termMonths;

    /** When the subscription's paid time ends; null until its term begins (when the guest first runs). */
    @Column(name = "expires_at")
    private Instant expiresAt;

    @Version
    private long version;

    protected Instance() {
    }

    /**
     * A new order: PENDING, holding its quota, with its login (a password only as its SHA-512
     * crypt hash) kept until the first-boot seed is written.
     */
    static Instance order(UUID id, long tenantId, String name, String hostname, long flavorId, int vcpus, long memoryMib,
                          long imageId, UUID network, int systemDiskGib, String macAddress, String password,
                          String sshKey, Term term) {
        Instance instance = new Instance();
        if (term != null) {
            instance.billingMethod = BillingMethod.SUBSCRIPTION;
            instance.termMonths = term.months();
        }
        instance.id = id.toString();
        instance.tenantId = tenantId;
        instance.name = name;
        instance.hostname = hostname;
        instance.flavorId = flavorId;
        instance.vcpus = vcpus;
        instance.memoryMib = memoryMib;
        instance.imageId = imageId;
        instance.networkId = network.toString();
        instance.systemDiskGib = systemDiskGib;
        instance.macAddress = macAddress;
        instance.loginPassword = password;
        instance.loginSshKey = sshKey;
        instance.holdsResources = true;
        instance.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        instance.state = InstanceState.PENDING;
        instance.stateReason = "ordered";
        instance.stateChangedAt = instance.createdAt;
        return instance;
    }

    /**
     * Whether its compute is metered now: paying as it goes, from running until a stop or delete is
     * asked for or it is found off.
     */
    boolean computeBilled() {
        return billingMethod == BillingMethod.PAY_AS_YOU_GO
                && (state == InstanceState.RUNNING || state == InstanceState.REBOOTING
                    || state == InstanceState.MIGRATING && migratingLive);
    }

    boolean paysAsItGoes() {
        return billingMethod == BillingMethod.PAY_AS_YOU_GO;
    }

    /** A subscription whose guest runs for the first time: its paid term begins now. */
    boolean termDue() {
        return billingMethod == BillingMethod.SUBSCRIPTION && expiresAt == null && state == InstanceState.RUNNING;
    }

    /** The ordered term begins (and is paid for) at {@code at}. */
    void beginTerm(Instant at) {
        expiresAt = new Term(termMonths).after(at);
    }

    /** Renewed: the term runs on from its end, or from now if it has ended already. */
    void renew(Term term, Instant now) {
        if (billingMethod != BillingMethod.SUBSCRIPTION || expiresAt == null) {
            throw new InvalidStateException(name, state, billingMethod == BillingMethod.SUBSCRIPTION
                    ? "its subscription begins when it first runs; renew it after that"
                    : "it pays as it goes; convert it to a subscription instead");
        }
        if (beingDeleted() || state == InstanceState.ERROR) {
            throw new InvalidStateException(name, state, "only an instance that works can be renewed");
        }
        termMonths = term.months();
        expiresAt = Term.endNoLaterThanAllowed(term.after(expiresAt.isAfter(now) ? expiresAt : now), now);
    }

    /** Converted from pay-as-you-go: a term of {@code term} begins now. */
    void subscribe(Term term, Instant now) {
        if (billingMethod != BillingMethod.PAY_AS_YOU_GO) {
            throw new InvalidStateException(name, state, "it is a subscription already; renew it to extend it");
        }
        if ((state != InstanceState.RUNNING && state != InstanceState.STOPPED) || !holdsResources) {
            throw new InvalidStateException(name, state, "only a RUNNING or STOPPED instance can be switched to a subscription");
        }
        billingMethod = BillingMethod.SUBSCRIPTION;
        termMonths = term.months();
        expiresAt = term.after(now);
    }

    /** Whether it may be switched to a subscription now (the console enables the button by it). */
    public static boolean subscribable(InstanceView view) {
        return view.billing() == BillingMethod.PAY_AS_YOU_GO
                && (view.state() == InstanceState.RUNNING || view.state() == InstanceState.STOPPED);
    }

    /** Whether its paid term has ended. */
    public boolean expired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public BillingMethod billingMethod() {
        return billingMethod;
    }

    public Integer termMonths() {
        return termMonths;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    /** Whether a delete is under way or done: then only the delete decides what happens to it. */
    boolean beingDeleted() {
        return state == InstanceState.DELETING || state == InstanceState.DELETED;
    }

    public UUID id() {
        return UUID.fromString(id);
    }

    public long tenantId() {
        return tenantId;
    }

    public String name() {
        return name;
    }

    public String hostname() {
        return hostname;
    }

    public InstanceState state() {
        return state;
    }

    public long flavorId() {
        return flavorId;
    }

    public int vcpus() {
        return vcpus;
    }

    public long memoryMib() {
        return memoryMib;
    }

    public long imageId() {
        return imageId;
    }

    public UUID networkId() {
        return UUID.fromString(networkId);
    }

    public int systemDiskGib() {
        return systemDiskGib;
    }

    public String macAddress() {
        return macAddress;
    }

    public String privateIp() {
        return privateIp;
    }

    public Long nodeId() {
        return nodeId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant stateChangedAt() {
        return stateChangedAt;
    }

    public String loginPassword() {
        return loginPassword;
    }

    public String loginSshKey() {
        return loginSshKey;
    }

    /** What this instance holds of its tenant's quota. */
    public ResourceAmounts quotaAmounts() {
        return new ResourceAmounts(1, vcpus, memoryMib, systemDiskGib, 0, 0, 0);
    }

    /**
     * A cloud admin moves it to another node, live if it runs and cold if it is stopped: it is
     * MIGRATING until the move has ended.
     */
    void beginMigration(long target, String reason) {
        checkMigratable();
        migratingTo = target;
        migratingLive = state == InstanceState.RUNNING;
        moveTo(InstanceState.MIGRATING, reason);
    }

    void checkMigratable() {
        if (!state.movable()) {
            throw new InvalidStateException(name, state, "only a RUNNING instance (moved live) or a STOPPED one (moved cold) "
                    + "moves to another node");
        }
    }

    /** The move has ended: on the target if it {@code arrived}, else still on its node. */
    void migrationEnded(boolean arrived) {
        if (arrived) {
            nodeId = migratingTo;
        }
        migratingTo = null;
        migratingLive = false;
    }

    /** Whether it runs while it moves; false when it is not moving. */
    public boolean migratingLive() {
        return migratingLive;
    }

    public Long migratingTo() {
        return migratingTo;
    }

    void placedOn(long node, String address) {
        this.nodeId = node;
        this.privateIp = address;
    }

    /** The seed that carries the login is written; the secret is not kept any longer. */
    void forgetLogin() {
        loginPassword = null;
        loginSshKey = null;
    }

    /** Whether a user may take the action now. */
    public boolean allows(InstanceAction action) {
        if (action == InstanceAction.START && expired(Instant.now())
                || action == InstanceAction.RESIZE && billingMethod == BillingMethod.SUBSCRIPTION) {
            return false;
        }
        return ACTIONS.get(action).contains(state);
    }

    /** The actions a user may take now: what the API lists and the console enables. */
    public Set<InstanceAction> allowedActions() {
        Set<InstanceAction> allowed = EnumSet.noneOf(InstanceAction.class);
        for (InstanceAction action : InstanceAction.values()) {
            if (allows(action)) {
                allowed.add(action);
            }
        }
        return allowed;
    }

    /** The states an action may be taken from, for telling a user why it cannot be taken now. */
    public static Set<InstanceState> statesAllowing(InstanceAction action) {
        return ACTIONS.get(action);
    }

    /**
     * A user takes the action: the instance moves to the state its task works in. Refused with
     * what to do instead if the state does not allow it.
     */
    void begin(InstanceAction action, String by) {
        check(action);
        moveTo(DOING.get(action), action.label() + " requested by " + by);
    }

    /** Refuses, with what to do instead, an action the instance's state does not allow now. */
    void check(InstanceAction action) {
        if (!allows(action)) {
            throw new InvalidStateException(name, state, switch (action) {
                case START -> expired(Instant.now()) ? "its subscription expired at " + expiresAt + "; renew it, then start it"
                        : "only a STOPPED instance can be started";
                case STOP -> "only a RUNNING instance can be stopped";
                case REBOOT -> "only a RUNNING instance can be rebooted";
                case RESIZE -> billingMethod == BillingMethod.SUBSCRIPTION
                        ? "a subscription keeps its flavor for its term (changing a subscription's flavor is not built yet)"
                        : "stop it before resizing";
                case CREATE_IMAGE -> "stop it before making an image of it";
                case DELETE -> state == InstanceState.IMAGING
                        ? "an image is being made of its disk; delete it once that has ended"
                        : "it is being deleted already";
            });
        }
    }

    /**
     * Moves to a new state for a reason, if {@link #NEXT} allows it (answers whether it moved):
     * once a delete is under way, only its own ending can follow. The same state with a new reason is fine.
     */
    boolean moveTo(InstanceState next, String reason) {
        if (state != next && !NEXT.get(state).contains(next)) {
            return false;
        }
        if (state == next && reason.equals(stateReason)) {
            return true;
        }
        state = next;
        stateReason = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
        stateChangedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return true;
    }

    /** Takes the instance to the new flavor's size (the task has resized its domain). */
    void resized(long newFlavorId, int newVcpus, long newMemoryMib) {
        flavorId = newFlavorId;
        vcpus = newVcpus;
        memoryMib = newMemoryMib;
    }

    /**
     * Hands over the instance's quota, address and capacity claim for release: answers true the
     * first time only, so they are given back exactly once.
     */
    boolean giveUpResources() {
        boolean held = holdsResources;
        holdsResources = false;
        return held;
    }

    InstanceView view(String tenant, String flavor, String image, String networkName, String node, String nodeProblem,
                      java.util.function.Supplier<SubscriptionPolicy.Terms> terms) {
        return new InstanceView(id(), tenant, name, hostname, state, stateReason, stateChangedAt, flavor, vcpus, memoryMib, image,
                imageId, systemDiskGib, networkId(), networkName, privateIp, node, nodeProblem, allowedActions(), createdAt,
                billingMethod, billingMethod == BillingMethod.SUBSCRIPTION
                        ? InstanceView.Subscription.of(termMonths, expiresAt, terms.get(), Instant.now()) : null);
    }
}
