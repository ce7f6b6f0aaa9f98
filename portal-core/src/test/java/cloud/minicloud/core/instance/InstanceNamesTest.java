package cloud.minicloud.core.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.minicloud.core.InvalidRequestException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InstanceNamesTest {

    private static final UUID ID = UUID.fromString("0a1b2c3d-0000-0000-0000-000000000000");

    @Test
    void a_name_with_markup_and_quotes_is_kept_as_written() {
        assertEquals("web <1> & \"db\" ';", InstanceNames.validName("  web <1> & \"db\" ';  "));
    }

    @Test
    void empty_multi_line_and_overlong_names_are_refused() {
        assertThrows(InvalidRequestException.class, () -> InstanceNames.validName(" "));
        assertThrows(InvalidRequestException.class, () -> InstanceNames.validName("two\nlines"));
        assertThrows(InvalidRequestException.class, () -> InstanceNames.validName("x".repeat(65)));
    }

    @Test
    void the_hostname_keeps_letters_and_digits_joined_by_single_hyphens() {
        assertEquals("web-1-db", InstanceNames.hostname("Web <1> & \"db\" ';", ID));
        assertEquals("i-0a1b2c3d", InstanceNames.hostname("数据库", ID), "nothing usable left: the id's start");
        assertTrue(InstanceNames.hostname("a".repeat(64), ID).length() <= 63);
    }

    @Test
    void instances_ordered_together_are_numbered_within_the_name_limit() {
        assertEquals("web-3", InstanceNames.numbered("web", 3));
        assertEquals(64, InstanceNames.numbered("x".repeat(64), 20).length());
    }

    @Test
    void mac_addresses_are_in_qemu_s_local_range() {
        assertTrue(InstanceNames.macAddress().matches("52:54:00(:[0-9a-f]{2}){3}"));
    }
}
