package cloud.minicloud.hypervisor;

/**
 * A compute node's size and what is free on it now.
 *
 * @param storageGib      the size of the filesystem under the node's storage pool (0 if it has none yet)
 * @param freeStorageGib  what is free of it
 * @param virtFingerprint the node's libvirt and QEMU versions and CPU model: the virt type was decided
 *                        for exactly these, and is decided again (by a canary) when they change
 * @param warnings        what is wrong with the node although it answers (e.g. QEMU cannot open
 *                        /dev/kvm), each a sentence that says what to do; empty when all is well
 */
public record NodeInfo(String hostname, int cpus, long memoryMib, long freeMemoryMib, long storageGib,
                       long freeStorageGib, VirtType virtType, long libvirtVersion, String virtFingerprint,
                       java.util.List<String> warnings) {

    public NodeInfo {
        warnings = java.util.List.copyOf(warnings);
    }
}
