package cloud.minicloud.hypervisor.libvirt;

import cloud.minicloud.hypervisor.NodeSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cloud.minicloud.hypervisor.HypervisorException;
import cloud.minicloud.hypervisor.InstanceSpec;
import cloud.minicloud.hypervisor.InstanceSpec.CloneMode;
import cloud.minicloud.hypervisor.PowerState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.libvirt.Connect;

/** A node whose storage is full: a create that runs out of space halfway leaves nothing behind. */
class FullPoolIT {

    private static final Path MOUNT = Path.of("/var/lib/libvirt/minicloud-full");
    private static final NodeSettings NODE = new NodeSettings("qemu:///system", "minicloud-full", MOUNT.toString(),
            "/var/log/libvirt/qemu", null);
    private static LibvirtHypervisorDriver driver;

    @BeforeAll
    static void aPoolOnASmallFilesystemWithATemplate() throws Exception {
        Files.createDirectories(MOUNT);
        run("mount", "-t", "tmpfs", "-o", "size=14m", "tmpfs", MOUNT.toString());
        driver = new LibvirtHypervisorDriver(NODE);
        driver.ensureStoragePool();
        QemuNode.upload(driver, "tiny", TinyImage.template());
    }

    @AfterAll
    static void removeThePool() throws Exception {
        driver.deleteTemplate("tiny");
        Connect connect = new Connect(NODE.uri(), false);
        try {
            var pool = connect.storagePoolLookupByName(NODE.poolName());
            pool.destroy();
            pool.undefine();
        } finally {
            connect.close();
            driver.close();
            run("umount", MOUNT.toString());
        }
    }

    @Test
    void a_full_copy_that_does_not_fit_fails_and_leaves_no_volume_and_no_definition() throws Exception {
        UUID id = UUID.randomUUID();
        InstanceSpec spec = new InstanceSpec(id, "too-big", "acme", 1, 128, "tiny", 1, CloneMode.FULL, List.of(1L),
                List.of(), null);
        try {
            assertThrows(HypervisorException.class, () -> driver.create(spec));

            assertEquals(PowerState.MISSING, driver.powerState(id));
            try (var files = Files.list(MOUNT)) {
                assertEquals(List.of("template-tiny.qcow2"), files.map(p -> p.getFileName().toString()).sorted().toList());
            }
        } finally {
            driver.delete(id); // should the create ever succeed here, leave nothing behind either
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(Arrays.toString(command) + " failed: " + out);
        }
    }
}
