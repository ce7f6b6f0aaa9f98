package cloud.minicloud.hypervisor.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.minicloud.hypervisor.NodeSettings;
import cloud.minicloud.hypervisor.xml.Xml;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt.Connect;
import org.libvirt.StoragePool;

/**
 * libvirt keeps pool definitions in /etc, not in the cloud's state directory: a cloud started
 * again with a fresh state directory finds its pool name pointing at a directory that is gone.
 */
class MovedPoolIT {

    private static final String POOL = "minicloud-moved";

    @TempDir
    Path dir;

    @AfterEach
    void removeThePool() throws Exception {
        Connect connect = new Connect("qemu:///system", false);
        try {
            StoragePool pool = connect.storagePoolLookupByName(POOL);
            if (pool.isActive() != 0) {
                pool.destroy();
            }
            pool.undefine();
        } finally {
            connect.close();
        }
    }

    @Test
    void a_pool_left_pointing_at_a_removed_state_directory_is_moved_to_the_configured_one() throws Exception {
        Path old = Files.createDirectories(dir.resolve("old-state/pool"));
        Path configured = dir.resolve("new-state/pool");
        try (LibvirtHypervisorDriver before = driver(old)) {
            before.ensureStoragePool();
        }
        stopPool();
        Files.delete(old);

        try (LibvirtHypervisorDriver after = driver(configured)) {
            after.ensureStoragePool();
            after.ensureStoragePool();
        }

        Connect connect = new Connect("qemu:///system", true);
        try {
            StoragePool pool = connect.storagePoolLookupByName(POOL);
            assertEquals(configured.toString(), Xml.text(Xml.parse(pool.getXMLDesc(0)), "target", "path"));
            assertEquals(1, pool.isActive());
        } finally {
            connect.close();
        }
    }

    private static LibvirtHypervisorDriver driver(Path poolPath) {
        return new LibvirtHypervisorDriver(new NodeSettings("qemu:///system", POOL, poolPath.toString(),
                "/var/log/libvirt/qemu", null));
    }

    /** As after a host restart: the pool is defined but not running. */
    private static void stopPool() throws Exception {
        Connect connect = new Connect("qemu:///system", false);
        try {
            connect.storagePoolLookupByName(POOL).destroy();
        } finally {
            connect.close();
        }
    }
}
