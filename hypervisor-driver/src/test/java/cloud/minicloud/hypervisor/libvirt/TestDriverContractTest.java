package cloud.minicloud.hypervisor.libvirt;

import cloud.minicloud.hypervisor.NodeSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cloud.minicloud.hypervisor.DriverCapabilities;
import cloud.minicloud.hypervisor.HypervisorDriver;
import cloud.minicloud.hypervisor.HypervisorDriverContract;
import cloud.minicloud.hypervisor.VirtType;
import cloud.minicloud.hypervisor.xml.VolumeConfig;
import java.util.List;
import java.util.UUID;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.libvirt.Connect;

/** The contract against libvirt's in-memory test driver: fast, always run, no libvirtd needed. */
class TestDriverContractTest extends HypervisorDriverContract {

    private static final NodeSettings NODE = new NodeSettings("test:///default", "default-pool", "/default-pool", null, null);
    private static LibvirtHypervisorDriver driver;
    // test:///default keeps its state only while a connection to it is open.
    private static Connect keeper;

    @BeforeAll
    static void openNodeWithATemplate() throws Exception {
        Libvirt.initialise();
        keeper = new Connect(NODE.uri(), false);
        driver = new LibvirtHypervisorDriver(NODE);
        driver.ensureStoragePool();
        // The test driver cannot receive uploads: the fixture puts a template volume in place.
        keeper.storagePoolLookupByName(NODE.poolName())
                .storageVolCreateXML(VolumeConfig.qcow2(cloud.minicloud.hypervisor.VolumeNames.template("tiny"), 1L << 28, null).toXml(), 0);
    }

    @AfterAll
    static void close() throws Exception {
        driver.close();
        keeper.close();
    }

    @Override
    protected HypervisorDriver driver() {
        return driver;
    }

    @Override
    protected String template() {
        return "tiny";
    }

    @Override
    protected List<String> volumesOf(UUID id) {
        return NodeInspection.volumesOf(NODE, id);
    }

    @Override
    protected List<String> networkNames() {
        return NodeInspection.networkNames(NODE);
    }

    @Override
    protected java.util.Set<String> networkPeers(java.util.UUID network) {
        return NodeInspection.networkPeers(NODE, network);
    }

    @Test
    void the_test_driver_says_so_and_declares_it_cannot_take_uploads_nor_show_a_serial_log() {
        assertEquals(VirtType.TEST, driver.nodeInfo().virtType());
        assertEquals(new DriverCapabilities(false, false, false), driver.capabilities());
        assertThrows(UnsupportedOperationException.class, () -> driver.uploadTemplate("t2",
                new ByteArrayInputStream(new byte[0]), 0, "", (done, total) -> { }));
        assertThrows(UnsupportedOperationException.class, () -> driver.serialLog(java.util.UUID.randomUUID(), 100));
    }
}
