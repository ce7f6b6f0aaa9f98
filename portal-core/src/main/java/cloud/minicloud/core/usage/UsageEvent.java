package cloud.minicloud.core.usage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A meter of a resource began or ended at a moment: an instance started running as a flavor, a disk
 * of so many GiB came to exist. Written once, in the transaction of the change it records; billing
 * marks it rated once it has taken it into account.
 */
@Entity
@Table(name = "usage_event")
public class UsageEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "tenant_id", updatable = false)
    private long tenantId;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private UsageKind kind;

    @Column(name = "resource_id", updatable = false)
    private String resourceId;

    @Column(name = "resource_name", updatable = false)
    private String resourceName;

    @Column(updatable = false)
    private String flavor;

    @Column(name = "size_gib", updatable = false)
    private int sizeGib;

    @Column(updatable = false)
    private boolean begins;

    /** The months a SUBSCRIPTION event buys (0 for meters). */
    @Column(updatable = false)
    private int months;

    @Column(name = "occurred_at", updatable = false)
    private Instant occurredAt;

    protected UsageEvent() {
    }

    UsageEvent(long tenantId, UsageKind kind, String resourceId, String resourceName, String flavor, int sizeGib,
               boolean begins, int months, Instant occurredAt) {
        this.tenantId = tenantId;
        this.kind = kind;
        this.resourceId = resourceId;
        this.resourceName = resourceName;
        this.flavor = flavor;
        this.sizeGib = sizeGib;
        this.begins = begins;
        this.months = months;
        this.occurredAt = occurredAt;
    }

    public long tenantId() {
        return tenantId;
    }

    public UsageKind kind() {
        return kind;
    }

    public String resourceId() {
        return resourceId;
    }

    public String resourceName() {
        return resourceName;
    }

    public String flavor() {
        return flavor;
    }

    public int sizeGib() {
        return sizeGib;
    }

    public boolean begins() {
        return begins;
    }

    public int months() {
        return months;
    }

    public Instant occurredAt() {
        return occurredAt;
    }
}
