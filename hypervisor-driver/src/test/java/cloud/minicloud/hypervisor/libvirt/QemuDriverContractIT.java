package cloud.minicloud.hypervisor.libvirt;

import cloud.minicloud.hypervisor.NodeSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.minicloud.hypervisor.HypervisorDriver;
import cloud.minicloud.hypervisor.HypervisorDriverContract;
import cloud.minicloud.hypervisor.HypervisorException;
import cloud.minicloud.hypervisor.VirtType;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract against real QEMU on this machine (qemu:///system), with a template uploaded through the driver. */
class QemuDriverContractIT extends HypervisorDriverContract {

    private static final String TEMPLATE = "contract-blank";
    private static LibvirtHypervisorDriver driver;

    @TempDir
    static Path scratch;

    @BeforeAll
    static void openNodeAndUploadATemplate() throws Exception {
        driver = QemuNode.driver();
        if (driver.hasTemplate(TEMPLATE)) {
            driver.deleteTemplate(TEMPLATE);
        }
        Path image = blankQcow2(64);
        List<Long> progress = new ArrayList<>();
        QemuNode.uploadTemplate(TEMPLATE, image, (done, total) -> progress.add(done));
        assertEquals(Files.size(image), progress.get(progress.size() - 1), "progress reaches the whole size");
    }

    @AfterAll
    static void close() {
        driver.deleteTemplate(TEMPLATE);
    }

    @Override
    protected HypervisorDriver driver() {
        return driver;
    }

    @Override
    protected String template() {
        return TEMPLATE;
    }

    @Override
    protected List<String> volumesOf(UUID id) {
        return NodeInspection.volumesOf(QemuNode.SETTINGS, id);
    }

    @Override
    protected List<String> networkNames() {
        return NodeInspection.networkNames(QemuNode.SETTINGS);
    }

    @Override
    protected java.util.Set<String> networkPeers(java.util.UUID network) {
        return NodeInspection.networkPeers(QemuNode.SETTINGS, network);
    }

    @Test
    void this_node_runs_real_guests_with_kvm_only_where_a_canary_proved_it_works() {
        VirtType type = driver.nodeInfo().virtType();

        assertNotEquals(VirtType.TEST, type);
        assertTrue(driver.capabilities().realGuests());
        // On these machines /dev/kvm exists and libvirt advertises kvm, but KVM guests stall.
        if (System.getenv("MINICLOUD_EXPECT_VIRT_TYPE") != null) {
            assertEquals(VirtType.valueOf(System.getenv("MINICLOUD_EXPECT_VIRT_TYPE")), type);
        }
        System.out.println("qemu:///system runs guests with " + type);
    }

    @Test
    void the_node_reports_the_memory_the_kernel_sees_not_one_numa_view() throws Exception {
        long memTotalKib = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/meminfo")).stream()
                .filter(line -> line.startsWith("MemTotal:"))
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")))
                .findFirst()
                .orElseThrow();

        var info = driver.nodeInfo();

        assertEquals(memTotalKib / 1024, info.memoryMib());
        assertTrue(info.freeMemoryMib() > 0 && info.freeMemoryMib() <= info.memoryMib(), info.toString());
    }

    @Test
    void a_template_that_arrives_with_another_checksum_is_removed_and_refused() throws Exception {
        Path image = blankQcow2(16);
        String wrong = "0".repeat(64);

        try (InputStream in = Files.newInputStream(image)) {
            HypervisorException refusal = assertThrows(HypervisorException.class,
                    () -> driver.uploadTemplate("contract-corrupt", in, Files.size(image), wrong, (d, t) -> { }));
            assertTrue(refusal.getMessage().contains("SHA-256"), refusal.getMessage());
        }
        assertFalse(driver.hasTemplate("contract-corrupt"));
    }

    private static Path blankQcow2(int mib) throws Exception {
        Path image = Files.createTempFile(scratch, "template", ".qcow2");
        Process qemuImg = new ProcessBuilder("qemu-img", "create", "-q", "-f", "qcow2", image.toString(), mib + "M")
                .inheritIO().start();
        assertEquals(0, qemuImg.waitFor(), "qemu-img create");
        return image;
    }
}
