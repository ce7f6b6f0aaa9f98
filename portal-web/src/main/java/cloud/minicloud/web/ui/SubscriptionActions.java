package cloud.minicloud.web.ui;

import cloud.minicloud.billing.price.PriceLists;
import cloud.minicloud.core.config.BillingSettings;
import cloud.minicloud.core.instance.Instance;
import cloud.minicloud.core.instance.InstanceState;
import cloud.minicloud.core.instance.InstanceView;
import cloud.minicloud.core.instance.Subscriptions;
import cloud.minicloud.core.instance.Term;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.i18n.I18NProvider;
import java.math.BigDecimal;
import java.util.function.Function;

/**
 * ECS's "renew" and "switch to subscription" on an instance's page: pick a term, see what it costs
 * up front under the prices in force, confirm.
 */
final class SubscriptionActions {

    private final Subscriptions subscriptions;
    private final PriceLists prices;
    private final BillingSettings billing;

    SubscriptionActions(Subscriptions subscriptions, PriceLists prices, BillingSettings billing) {
        this.subscriptions = subscriptions;
        this.prices = prices;
        this.billing = billing;
    }

    Button button(InstanceView instance) {
        boolean subscribed = instance.subscription() != null;
        String action = subscribed ? "renew" : "subscribe";
        Button button = new Button(t("subscription." + action), click -> ask(instance, action, subscribed
                ? term -> subscriptions.renew(SessionCaller.current(), instance.id(), TermSelect.request(term))
                : term -> subscriptions.subscribe(SessionCaller.current(), instance.id(), TermSelect.request(term))));
        button.setId(action + "-" + instance.id());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        boolean can = subscribed ? instance.subscription().expiresAt() != null && instance.state() != InstanceState.ERROR
                && instance.state() != InstanceState.DELETING : Instance.subscribable(instance);
        button.setEnabled(can);
        if (!can) {
            button.setTooltipText(t("subscription.why." + action));
        }
        return button;
    }

    private void ask(InstanceView instance, String action, Function<Term, InstanceView> take) {
        Select<Term> term = TermSelect.of("subscription-term");
        Span quote = new Span();
        quote.setId("subscription-quote");
        term.addValueChangeListener(change -> quote.setText(quote(instance, change.getValue())));
        quote.setText(quote(instance, term.getValue()));
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(t("subscription." + action + ".header", instance.name()));
        dialog.add(new VerticalLayout(term, quote));
        dialog.setCancelable(true);
        dialog.setCancelText(t("common.cancel"));
        dialog.setConfirmText(t("subscription." + action));
        dialog.addConfirmListener(yes -> Refusals.outcome(() -> take.apply(term.getValue()))
                .ifPresent(done -> com.vaadin.flow.component.notification.Notification.show(
                        t("subscription." + action + ".done", instance.name(), SubscriptionLine.text(done, billing.zone(),
                                com.vaadin.flow.component.UI.getCurrent().getLocale())))));
        dialog.open();
    }

    /** What the term costs up front now, and per month. */
    private String quote(InstanceView instance, Term term) {
        if (term == null) {
            return "";
        }
        BigDecimal month = prices.subscriptionMonth(instance.flavor(), instance.systemDiskGib(), term.months());
        return t("subscription.quote", money(month.multiply(BigDecimal.valueOf(term.months()))), money(month));
    }

    private String money(BigDecimal amount) {
        return BillingPage.money(billing, amount, 2);
    }


    private static String t(String key, Object... parameters) {
        return I18NProvider.translate(key, parameters);
    }
}
