package cloud.minicloud.hypervisor;

/**
 * How to reach one compute node, where it keeps minicloud's files, and what the control plane
 * already knows of it.
 *
 * @param uri                  libvirt URI: qemu:///system, qemu+tcp://host/system, qemu+ssh://…, test:///default
 * @param poolName             the storage pool for templates and instance disks
 * @param poolPath             its directory on the node
 * @param serialLogDir         where serial console logs go on the node, or null for none
 * @param canaryDir            where deploy/ put the tiny image's kernel and initramfs on the node for the
 *                             KVM canary, or null: without them KVM is never trusted
 * @param clientRequests       the node's libvirtd {@code max_client_requests}: how many calls it serves
 *                             at once per connection (libvirt's default is 5). The driver keeps one
 *                             fewer in flight, so that keepalives are always read
 * @param knownVirtType        the virt type decided for this node before (e.g. by an earlier run), or null
 * @param knownVirtFingerprint the node's libvirt and QEMU versions and CPU model when it was decided:
 *                             while they are unchanged the decision stands and no canary boots
 */
public record NodeSettings(String uri, String poolName, String poolPath, String serialLogDir, String canaryDir,
                           int clientRequests, VirtType knownVirtType, String knownVirtFingerprint) {

    /** libvirtd's own default for {@code max_client_requests}. */
    public static final int DEFAULT_CLIENT_REQUESTS = 5;

    public NodeSettings {
        if (clientRequests < 2) {
            throw new IllegalArgumentException("a node must serve at least 2 requests per client, not " + clientRequests);
        }
    }

    /** A node with libvirtd's defaults, whose virt type is yet to be decided. */
    public NodeSettings(String uri, String poolName, String poolPath, String serialLogDir, String canaryDir) {
        this(uri, poolName, poolPath, serialLogDir, canaryDir, DEFAULT_CLIENT_REQUESTS, null, null);
    }
}
