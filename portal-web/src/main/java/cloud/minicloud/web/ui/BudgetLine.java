package cloud.minicloud.web.ui;

import cloud.minicloud.billing.cost.BudgetStatus;
import cloud.minicloud.core.config.BillingSettings;
import com.vaadin.flow.component.html.Paragraph;
import java.util.Optional;

/** This month's costs against the tenant's budget, in orange from 80 % and red from 100 % (nothing without a budget). */
final class BudgetLine {

    private BudgetLine() {
    }

    static Optional<Paragraph> of(BudgetStatus status, BillingSettings billing) {
        if (status.level() == BudgetStatus.Level.NONE) {
            return Optional.empty();
        }
        Paragraph line = new Paragraph();
        line.setText(line.getTranslation("budget." + status.level().name(), BillingPage.money(billing, status.budget(), 2),
                BillingPage.money(billing, status.spent(), 2), status.percent()));
        line.setId("budget-status");
        line.getElement().setAttribute("data-level", status.level().name());
        switch (status.level()) {
            case WARNING -> line.getStyle().set("color", "#b45309").set("font-weight", "600");
            case EXCEEDED -> line.getStyle().set("color", "#b91c1c").set("font-weight", "600");
            default -> { }
        }
        return Optional.of(line);
    }
}
