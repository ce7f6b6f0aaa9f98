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
import java.util.UUID;

/**
 * A virtual machine of a tenant. Every change of state carries a reason; once a delete is under
 * way, nothing but its end (DELETED, or ERROR if it fails) can change the state again.
 */
@Entity
@Table(name = "instance")
public class Instance {

    private static final int MAX_REASON = 512;

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
                          String sshKey) {
        Instance instance = new Instance();
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
        return new ResourceAmounts(1, vcpus, memoryMib, systemDiskGib, 0);
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

    /**
     * Moves to a new state for a reason. Refused (answers false) once a delete is under way,
     * except for the delete's own ending.
     */
    boolean moveTo(InstanceState next, String reason) {
        boolean deleting = state == InstanceState.DELETING || state == InstanceState.DELETED;
        if (state == InstanceState.DELETED || deleting && next != InstanceState.DELETED && next != InstanceState.ERROR) {
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

    InstanceView view(String tenant, String flavor, String image, String networkName, String node) {
        return new InstanceView(id(), tenant, name, hostname, state, stateReason, stateChangedAt, flavor, vcpus, memoryMib, image,
                systemDiskGib, networkId(), networkName, privateIp, node, createdAt);
    }
}
