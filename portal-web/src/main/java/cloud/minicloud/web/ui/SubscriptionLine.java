package cloud.minicloud.web.ui;

import cloud.minicloud.core.instance.InstanceView;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.i18n.I18NProvider;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** How an instance is paid for, in a line: a subscription's end, and a warning as it nears or has come. */
final class SubscriptionLine {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT);

    private SubscriptionLine() {
    }

    static Span of(String id, InstanceView instance, ZoneId zone, Locale locale) {
        Span line = new Span(text(instance, zone, locale));
        line.setId(id);
        if (instance.subscription() != null && instance.subscription().notice() != InstanceView.Subscription.Notice.NONE) {
            line.getStyle().set("color", "#b45309").set("font-weight", "600");
        }
        return line;
    }

    static String text(InstanceView instance, ZoneId zone, Locale locale) {
        InstanceView.Subscription subscription = instance.subscription();
        if (subscription == null) {
            return t("billing.payg");
        }
        String term = TermSelect.label(new cloud.minicloud.core.instance.Term(subscription.termMonths()));
        if (subscription.expiresAt() == null) {
            return t("billing.subscriptionPending", term);
        }
        DateTimeFormatter when = WHEN.withLocale(locale).withZone(zone);
        return switch (subscription.notice()) {
            case NONE -> t("billing.subscriptionUntil", when.format(subscription.expiresAt()));
            case EXPIRING -> t("billing.subscriptionExpiring", when.format(subscription.expiresAt()),
                    when.format(subscription.releaseAt()));
            case EXPIRED -> t("billing.subscriptionExpired", when.format(subscription.expiresAt()),
                    when.format(subscription.releaseAt()));
        };
    }

    private static String t(String key, Object... parameters) {
        return I18NProvider.translate(key, parameters);
    }
}
