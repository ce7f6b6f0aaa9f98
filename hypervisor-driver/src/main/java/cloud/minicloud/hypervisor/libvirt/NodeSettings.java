package cloud.minicloud.hypervisor.libvirt;

/**
 * How to reach one compute node and where it keeps minicloud's files.
 *
 * @param uri          libvirt URI: qemu:///system, qemu+tcp://host/system, qemu+ssh://…, test:///default
 * @param poolName     the storage pool for templates and instance disks
 * @param poolPath     its directory on the node
 * @param serialLogDir where serial console logs go on the node, or null for none
 */
public record NodeSettings(String uri, String poolName, String poolPath, String serialLogDir) {

    public static NodeSettings local(String uri) {
        return new NodeSettings(uri, "minicloud", "/var/lib/minicloud/images", "/var/log/libvirt/qemu");
    }
}
