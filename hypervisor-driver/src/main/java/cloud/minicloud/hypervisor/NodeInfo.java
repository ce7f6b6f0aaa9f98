package cloud.minicloud.hypervisor;

/** A compute node's size and what is free on it now. */
public record NodeInfo(String hostname, int cpus, long memoryMib, long freeMemoryMib, VirtType virtType,
                       long libvirtVersion) {
}
