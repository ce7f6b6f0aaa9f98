package cloud.minicloud.hypervisor.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.minicloud.hypervisor.ConsoleEndpoint;
import cloud.minicloud.hypervisor.FirstBoot;
import cloud.minicloud.hypervisor.InstanceSpec;
import cloud.minicloud.hypervisor.InstanceSpec.CloneMode;
import cloud.minicloud.hypervisor.PowerState;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real guest: the tiny-linux template, uploaded, cloned and booted under QEMU until it says so on its serial console. */
class TinyGuestBootIT {

    private static LibvirtHypervisorDriver driver;
    private static String template;

    @BeforeAll
    static void uploadTheTinyImage() throws Exception {
        driver = QemuNode.driver();
        template = QemuNode.tinyTemplate();
    }

    @Test
    void a_linked_clone_of_tiny_linux_boots_with_its_first_boot_seed_and_is_forced_off_when_it_ignores_shutdown()
            throws Exception {
        UUID id = UUID.randomUUID();
        FirstBoot boot = new FirstBoot("tiny-web", "s3cret", null, "10.77.0.5/24", null, List.of("hostname"));
        InstanceSpec spec = new InstanceSpec(id, "tiny <1>", "acme", 1, 128, template, 1, CloneMode.LINKED, List.of(),
                List.of(), boot);
        try {
            driver.create(spec);
            driver.start(id);

            String console = awaitSerial(id, "MINICLOUD-RUN", Duration.ofSeconds(90));
            assertTrue(console.contains("MINICLOUD-BOOTED hostname=tiny-web ip=10.77.0.5 login=password:"
                    + QemuNode.sha256("s3cret").substring(0, 12)), console);
            assertTrue(console.contains("MINICLOUD-RUN status=0 command=hostname"), console);
            ConsoleEndpoint vnc = driver.vncEndpoint(id).orElseThrow();
            assertEquals("127.0.0.1", vnc.host());
            assertTrue(vnc.port() >= 5900, "VNC port " + vnc.port());
            assertTrue(vnc.password() != null && vnc.password().length() == 8, "the screen has a password of its own");

            driver.stop(id, Duration.ofSeconds(3));
            assertEquals(PowerState.SHUT_OFF, driver.powerState(id));
            assertTrue(driver.vncEndpoint(id).isEmpty(), "a stopped guest has no screen");
        } finally {
            driver.delete(id);
        }
    }

    /** Waits for text on the guest's serial console log, read through the driver, and returns the log. */
    static String awaitSerial(UUID id, String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String content = "";
        while (System.nanoTime() < deadline) {
            content = QemuNode.driver().serialLog(id, 64 * 1024);
            if (content.contains(text)) {
                return content;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no '" + text + "' on the serial console of " + id + " within " + timeout + ":\n" + content);
    }
}
