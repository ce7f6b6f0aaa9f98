package cloud.minicloud.core.flavor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** An instance type: vCPUs, memory and the caps it promises (its price is in billing's price lists). */
@Entity
@Table(name = "flavor")
public class Flavor {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String name;

    private int vcpus;

    @Column(name = "memory_mib")
    private long memoryMib;

    private boolean enabled;

    @Column(name = "bandwidth_mbps")
    private Integer bandwidthMbps;

    @Column(name = "disk_iops")
    private Integer diskIops;

    @Column(name = "disk_mbps")
    private Integer diskMbps;

    protected Flavor() {
    }

    /** A new flavor, enabled: orderable at once. */
    static Flavor define(FlavorSpec spec) {
        Flavor flavor = new Flavor();
        flavor.name = spec.name();
        flavor.enabled = true;
        flavor.describe(spec);
        return flavor;
    }

    /** Takes the spec's sizes and caps (the name stays: instances and statements know it by it). */
    void describe(FlavorSpec spec) {
        vcpus = spec.vcpus();
        memoryMib = spec.memoryMib();
        bandwidthMbps = spec.bandwidthMbps();
        diskIops = spec.diskIops();
        diskMbps = spec.diskMbps();
    }

    /** Whether the spec changes what an instance of this flavor is, rather than its price or caps. */
    boolean resizedBy(FlavorSpec spec) {
        return vcpus != spec.vcpus() || memoryMib != spec.memoryMib();
    }

    void enable(boolean orderable) {
        enabled = orderable;
    }

    /** As shown, at the hourly price in force now. */
    public FlavorView view(BigDecimal hourlyPrice) {
        return new FlavorView(name, vcpus, memoryMib, hourlyPrice, bandwidthMbps, diskIops, diskMbps, enabled);
    }

    public boolean enabled() {
        return enabled;
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public int vcpus() {
        return vcpus;
    }

    public long memoryMib() {
        return memoryMib;
    }
}
