package cloud.minicloud.core.node;

/** An amount of a node's vCPUs, memory and disk: what it offers, what is claimed, what is free. */
public record NodeCapacity(long vcpus, long memoryMib, long diskGib) {

    public static final NodeCapacity NONE = new NodeCapacity(0, 0, 0);

    public NodeCapacity plus(NodeCapacity other) {
        return new NodeCapacity(vcpus + other.vcpus, memoryMib + other.memoryMib, diskGib + other.diskGib);
    }

    public NodeCapacity minus(NodeCapacity other) {
        return new NodeCapacity(vcpus - other.vcpus, memoryMib - other.memoryMib, diskGib - other.diskGib);
    }

    /** Whether this much room holds the demand in every resource. */
    public boolean holds(NodeCapacity demand) {
        return vcpus >= demand.vcpus && memoryMib >= demand.memoryMib && diskGib >= demand.diskGib;
    }
}
