package cloud.minicloud.hypervisor.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleLogTest {

    private static void append(ConsoleLog log, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        log.append(bytes, bytes.length);
    }

    @Test
    void the_tail_is_what_the_guest_wrote_last() {
        ConsoleLog log = new ConsoleLog(64);
        append(log, "booting\n");
        append(log, "MINICLOUD-BOOTED hostname=web-1\n");

        assertEquals("booting\nMINICLOUD-BOOTED hostname=web-1\n", log.tail(1000));
        assertEquals("web-1\n", log.tail(6));
    }

    @Test
    void when_full_the_oldest_output_is_dropped() {
        ConsoleLog log = new ConsoleLog(8);
        append(log, "0123456789");

        assertEquals("23456789", log.tail(100));
    }

    @Test
    void a_guest_that_wrote_nothing_has_an_empty_log() {
        assertEquals("", new ConsoleLog(8).tail(10));
    }
}
