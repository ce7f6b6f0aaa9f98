package cloud.minicloud.hypervisor.libvirt;

/**
 * How to reach one compute node and where it keeps minicloud's files.
 *
 * @param uri          libvirt URI: qemu:///system, qemu+tcp://host/system, qemu+ssh://…, test:///default
 * @param poolName     the storage pool for templates and instance disks
 * @param poolPath     its directory on the node
 * @param serialLogDir where serial console logs go on the node, or null for none
 * @param canaryDir    where deploy/ put the tiny image's kernel and initramfs on the node for the
 *                     KVM canary, or null: without them KVM is never trusted
 */
public record NodeSettings(String uri, String poolName, String poolPath, String serialLogDir, String canaryDir) {
}
