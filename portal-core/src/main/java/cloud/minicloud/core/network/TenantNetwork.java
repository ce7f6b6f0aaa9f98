package cloud.minicloud.core.network;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A tenant's private network: its own L2 segment across the compute nodes and a /24 subnet. */
@Entity
@Table(name = "tenant_network")
public class TenantNetwork {

    @Id
    private String id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private long tenantId;

    @Column(nullable = false)
    private String name;

    @Column(name = "segment_id", nullable = false, updatable = false)
    private int segmentId;

    @Column(nullable = false, updatable = false)
    private String cidr;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    static final int FIRST_HOST = 10;
    static final int LAST_HOST = 254;
    /** How many instances a network has addresses for. */
    public static final int HOST_ADDRESSES = LAST_HOST - FIRST_HOST + 1;

    protected TenantNetwork() {
    }

    TenantNetwork(UUID id, long tenantId, String name, NetworkAllocation allocation) {
        this.id = id.toString();
        this.tenantId = tenantId;
        this.name = name;
        this.segmentId = allocation.segmentId();
        this.cidr = allocation.cidr();
        // Set here, not by the column default, so that the view of a new network shows it at once.
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
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

    public int segmentId() {
        return segmentId;
    }

    NetworkAllocation allocation() {
        return new NetworkAllocation(segmentId, cidr);
    }

    /** The address of a host in this network's /24, with the prefix length when {@code withPrefix}. */
    public String address(int host, boolean withPrefix) {
        String base = cidr.substring(0, cidr.lastIndexOf('.') + 1);
        return base + host + (withPrefix ? "/24" : "");
    }

    public NetworkView view(String tenant, long instances) {
        return new NetworkView(id(), tenant, name, cidr, segmentId, createdAt, instances);
    }
}
