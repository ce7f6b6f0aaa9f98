package cloud.minicloud.core.quota;

import cloud.minicloud.core.InvalidRequestException;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Optional;

/**
 * A tenant's limits and what it uses of them. Reservations and releases go through this entity
 * while its row is locked, so concurrent orders can never together pass a limit.
 */
@Entity
@Table(name = "quota")
public class Quota {

    /** What a new tenant may use until a cloud admin says otherwise. */
    public static final ResourceAmounts DEFAULT_LIMITS = new ResourceAmounts(10, 20, 40 * 1024, 500, 5, 10, 50);

    @Id
    @Column(name = "tenant_id")
    private Long tenantId;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "instances", column = @Column(name = "limit_instances", nullable = false)),
        @AttributeOverride(name = "vcpus", column = @Column(name = "limit_vcpus", nullable = false)),
        @AttributeOverride(name = "memoryMib", column = @Column(name = "limit_memory_mib", nullable = false)),
        @AttributeOverride(name = "diskGib", column = @Column(name = "limit_disk_gib", nullable = false)),
        @AttributeOverride(name = "networks", column = @Column(name = "limit_networks", nullable = false)),
        @AttributeOverride(name = "images", column = @Column(name = "limit_images", nullable = false)),
        @AttributeOverride(name = "imageGib", column = @Column(name = "limit_image_gib", nullable = false))
    })
    private ResourceAmounts limits;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "instances", column = @Column(name = "used_instances", nullable = false)),
        @AttributeOverride(name = "vcpus", column = @Column(name = "used_vcpus", nullable = false)),
        @AttributeOverride(name = "memoryMib", column = @Column(name = "used_memory_mib", nullable = false)),
        @AttributeOverride(name = "diskGib", column = @Column(name = "used_disk_gib", nullable = false)),
        @AttributeOverride(name = "networks", column = @Column(name = "used_networks", nullable = false)),
        @AttributeOverride(name = "images", column = @Column(name = "used_images", nullable = false)),
        @AttributeOverride(name = "imageGib", column = @Column(name = "used_image_gib", nullable = false))
    })
    private ResourceAmounts used;

    @Column(name = "orders_closed")
    private String ordersClosed;

    @Version
    private long version;

    protected Quota() {
    }

    public Quota(long tenantId, ResourceAmounts limits) {
        this.tenantId = tenantId;
        this.limits = limits;
        this.used = ResourceAmounts.NONE;
    }

    public long tenantId() {
        return tenantId;
    }

    public ResourceAmounts limits() {
        return limits;
    }

    public ResourceAmounts used() {
        return used;
    }

    /**
     * Takes the request from what is left, or refuses naming the first limit it would pass; every
     * order is refused while orders are closed.
     */
    public void reserve(ResourceAmounts request) {
        check(request);
        used = used.plus(request);
    }

    /** Refuses a request {@link #reserve} would refuse now, and takes nothing. */
    public void check(ResourceAmounts request) {
        if (ordersClosed != null) {
            throw new OrdersClosedException(ordersClosed);
        }
        for (ResourceKind kind : ResourceKind.values()) {
            if (used.of(kind) + request.of(kind) > limits.of(kind)) {
                throw new QuotaExceededException(kind, limits.of(kind), used.of(kind), request.of(kind));
            }
        }
    }

    /** Gives back what an earlier reservation took. */
    public void release(ResourceAmounts amounts) {
        used = used.minus(amounts);
    }

    /** Refuses every new order from now on, saying why (running instances are not touched). */
    public void closeOrders(String why) {
        ordersClosed = why;
    }

    public void reopenOrders() {
        ordersClosed = null;
    }

    public Optional<String> ordersClosed() {
        return Optional.ofNullable(ordersClosed);
    }

    /** New limits may be below the current use: nothing is taken away, new orders are refused. */
    public void changeLimits(ResourceAmounts newLimits) {
        for (ResourceKind kind : ResourceKind.values()) {
            if (newLimits.of(kind) > kind.maxLimit()) {
                throw new InvalidRequestException("a limit of " + newLimits.of(kind) + " " + kind.label()
                        + " is past the largest this cloud takes (" + kind.maxLimit() + " " + kind.label()
                        + "); send a smaller number");
            }
        }
        limits = newLimits;
    }
}
