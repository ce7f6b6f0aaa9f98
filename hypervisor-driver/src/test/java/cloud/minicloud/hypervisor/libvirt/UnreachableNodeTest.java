package cloud.minicloud.hypervisor.libvirt;

import cloud.minicloud.hypervisor.NodeSettings;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.minicloud.hypervisor.NodeUnreachableException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class UnreachableNodeTest {

    @Test
    void a_node_whose_libvirtd_does_not_answer_is_reported_unreachable_and_nothing_else_happens() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (LibvirtHypervisorDriver driver = new LibvirtHypervisorDriver(
                new NodeSettings("qemu+tcp://127.0.0.1:" + port + "/system", "minicloud", "/nowhere", null, null))) {

            NodeUnreachableException refusal = assertThrows(NodeUnreachableException.class, driver::nodeInfo);

            assertTrue(refusal.getMessage().contains("127.0.0.1:" + port), refusal.getMessage());
            assertFalse(driver.reachable());
        }
    }
}
