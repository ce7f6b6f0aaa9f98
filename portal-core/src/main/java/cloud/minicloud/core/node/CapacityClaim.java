package cloud.minicloud.core.node;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** What one placed instance takes of its node, held from placement until the instance is gone. */
@Entity
@Table(name = "capacity_claim")
public class CapacityClaim {

    @Id
    @Column(name = "instance_id")
    private String instanceId;

    @Column(name = "node_id", nullable = false)
    private long nodeId;

    private int vcpus;

    @Column(name = "memory_mib")
    private long memoryMib;

    @Column(name = "disk_gib")
    private long diskGib;

    protected CapacityClaim() {
    }

    public CapacityClaim(UUID instance, long nodeId, NodeCapacity amount) {
        this.instanceId = instance.toString();
        this.nodeId = nodeId;
        resize(amount);
    }

    public long nodeId() {
        return nodeId;
    }

    public NodeCapacity amount() {
        return new NodeCapacity(vcpus, memoryMib, diskGib);
    }

    /** A migrating instance holds its room on the node it moves to (and back there if the move fails). */
    public void moveTo(long node) {
        this.nodeId = node;
    }

    /** Resizing an instance changes what it holds on the same node. */
    public void resize(NodeCapacity amount) {
        this.vcpus = Math.toIntExact(amount.vcpus());
        this.memoryMib = amount.memoryMib();
        this.diskGib = amount.diskGib();
    }
}
