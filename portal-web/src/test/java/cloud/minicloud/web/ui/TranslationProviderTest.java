package cloud.minicloud.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TranslationProviderTest {

    private final TranslationProvider translations = new TranslationProvider();

    @Test
    void every_english_text_has_a_chinese_translation_and_no_more() {
        Set<String> english = new TreeSet<>(TranslationProvider.bundle(Locale.ENGLISH).keySet());
        Set<String> chinese = new TreeSet<>(TranslationProvider.bundle(Locale.SIMPLIFIED_CHINESE).keySet());

        assertEquals(english, chinese);
    }

    @Test
    void a_chinese_browser_gets_simplified_chinese() {
        assertEquals("概览", translations.getTranslation("dashboard.title", Locale.forLanguageTag("zh-CN")));
        assertEquals("租户：acme", translations.getTranslation("dashboard.tenant", Locale.CHINESE, "acme"));
    }

    @Test
    void any_other_language_falls_back_to_english() {
        assertEquals("Dashboard", translations.getTranslation("dashboard.title", Locale.FRENCH));
    }

    @Test
    void a_missing_text_is_visible_as_its_key_rather_than_blank() {
        assertEquals("!no.such.key", translations.getTranslation("no.such.key", Locale.ENGLISH));
    }
}
