package cloud.minicloud.hypervisor;

/**
 * A compute node's size and what is free on it now.
 *
 * @param storageGib     the size of the filesystem under the node's storage pool (0 if it has none yet)
 * @param freeStorageGib what is free of it
 */
public record NodeInfo(String hostname, int cpus, long memoryMib, long freeMemoryMib, long storageGib,
                       long freeStorageGib, VirtType virtType, long libvirtVersion) {
}
