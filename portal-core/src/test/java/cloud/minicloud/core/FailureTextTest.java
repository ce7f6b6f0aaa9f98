package cloud.minicloud.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FailureTextTest {

    @Test
    void a_libvirt_error_keeps_its_gist_without_the_nodes_paths_uris_or_addresses() {
        String libvirt = "internal error: process exited while connecting to monitor: qemu-system-x86_64: -blockdev "
                + "{\"driver\":\"file\",\"filename\":\"/var/lib/minicloud/pool/6f1c-system.qcow2\"}: Could not open "
                + "'/var/lib/minicloud/pool/6f1c-system.qcow2': Permission denied";

        String shown = FailureText.of(new RuntimeException(libvirt));

        assertTrue(shown.startsWith("internal error: process exited while connecting to monitor"), shown);
        assertTrue(shown.endsWith("Could not open '(a file on the node)': Permission denied"), shown);
        assertEquals("could not reach (a node) at (an address): Connection refused",
                FailureText.of("could not reach qemu+tcp://10.0.0.7/system at 10.0.0.7:16509: Connection refused"));
    }

    @Test
    void a_failure_is_one_short_line_and_never_empty() {
        String stack = "boom\n\tat cloud.minicloud.Something.run(Something.java:12)\n" + "x".repeat(500);

        String shown = FailureText.of(new IllegalStateException(stack));

        assertTrue(!shown.contains("\n") && shown.length() <= 300, shown);
        assertEquals("NullPointerException", FailureText.of(new NullPointerException()));
        String emoji = FailureText.of("x".repeat(298) + "🚀🚀");
        assertTrue(emoji.equals("x".repeat(298) + "…"), "no half of an emoji at the cut: " + emoji.substring(290));
        assertEquals("the system disk (1 GiB) cannot be smaller than template tiny (2147483648 bytes)",
                FailureText.of("the system disk (1 GiB) cannot be smaller than template tiny (2147483648 bytes)"));
    }
}
