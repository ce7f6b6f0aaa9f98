package cloud.minicloud.core.flavor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** An instance type: vCPUs, memory and the hourly price. */
@Entity
@Table(name = "flavor")
public class Flavor {

    @Id
    private Long id;

    @Column(nullable = false, unique = true)
    private String name;

    private int vcpus;

    @Column(name = "memory_mib")
    private long memoryMib;

    @Column(name = "hourly_price")
    private BigDecimal hourlyPrice;

    private boolean enabled;

    protected Flavor() {
    }

    public FlavorView view() {
        return new FlavorView(name, vcpus, memoryMib, hourlyPrice);
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
