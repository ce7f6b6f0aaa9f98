package cloud.minicloud.web.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * English and Simplified Chinese UI text from vaadin-i18n/translations*.properties. Vaadin picks
 * the language from the browser; anything else falls back to English, the first locale here.
 */
public class TranslationProvider implements I18NProvider {

    static final String BUNDLE = "vaadin-i18n.translations";
    static final List<Locale> LOCALES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        try {
            String pattern = bundle(locale).getString(key);
            return params.length == 0 ? pattern : new MessageFormat(pattern, locale).format(params);
        } catch (MissingResourceException e) {
            return "!" + key;
        }
    }

    static ResourceBundle bundle(Locale locale) {
        Locale supported = Locale.CHINESE.getLanguage().equals(locale.getLanguage())
                ? Locale.SIMPLIFIED_CHINESE
                : Locale.ROOT;
        return ResourceBundle.getBundle(BUNDLE, supported,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
