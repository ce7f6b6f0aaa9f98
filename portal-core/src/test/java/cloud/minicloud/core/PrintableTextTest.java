package cloud.minicloud.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PrintableTextTest {

    @Test
    void names_in_any_script_with_markup_quotes_and_emoji_are_names() {
        for (String name : new String[] {"web-1", "名前 サーバ", "<b>'x' & \"y\"</b>", "رمز", "🚀 launch", "👩‍💻 dev"}) {
            assertEquals(name, PrintableText.name("a name", "  " + name + " ", 64));
        }
    }

    @Test
    void control_format_and_broken_characters_are_refused_with_what_a_name_must_be() {
        for (String name : new String[] {"a\nb", "tab\there", "nul\0", "bell\u0007", "\u202Egnp.exe", "zero\u200Bwidth",
                                         "bom\uFEFF", "half \uD83D pair", "\uDE80 low half", "private \uE000", "line\u2028sep",
                                         "unassigned \u0378", "", "   "}) {
            InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                    () -> PrintableText.name("an instance name", name, 64), name);
            assertEquals("an instance name is 1 to 64 printable characters on one line", refused.getMessage());
        }
    }

    @Test
    void longer_text_may_have_lines_where_asked() {
        assertTrue(PrintableText.isPrintable("first line\nsecond line", true));
        assertFalse(PrintableText.isPrintable("first line\nsecond line", false));
        assertFalse(PrintableText.isPrintable("carriage\rreturn", true));
    }
}
