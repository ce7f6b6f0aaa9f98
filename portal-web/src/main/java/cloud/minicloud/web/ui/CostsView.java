package cloud.minicloud.web.ui;

import cloud.minicloud.billing.cost.Budgets;
import cloud.minicloud.billing.cost.CostCsv;
import cloud.minicloud.billing.cost.CostLine;
import cloud.minicloud.billing.cost.CostReport;
import cloud.minicloud.billing.cost.Costs;
import cloud.minicloud.billing.statement.Statement;
import cloud.minicloud.billing.statement.StatementCsv;
import cloud.minicloud.billing.statement.StatementPdf;
import cloud.minicloud.billing.statement.Statements;
import cloud.minicloud.core.config.BillingSettings;
import cloud.minicloud.core.config.CloudSettings;
import cloud.minicloud.core.identity.AccessDeniedException;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.identity.NoTenantException;
import cloud.minicloud.core.identity.TenantChoiceRequiredException;
import cloud.minicloud.core.usage.UsageKind;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;

/**
 * A tenant's costs: this month so far at once (no dates to type first), with the forecast to the
 * month's end, a bar per day, the breakdown by resource type and by resource, and a CSV of it; the
 * last twelve months one pick away, each with its statement (closed once the month is over) as PDF
 * in English or Chinese, or CSV.
 */
@Route(value = "costs", layout = MainLayout.class)
public class CostsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final Costs costs;
    private final Statements statements;
    private final Budgets budgets;
    private final BillingSettings billing;
    private final VerticalLayout report = new VerticalLayout();
    private Select<YearMonth> month;

    @Inject
    public CostsView(Costs costs, Statements statements, Budgets budgets, CloudSettings settings) {
        this.costs = costs;
        this.statements = statements;
        this.budgets = budgets;
        this.billing = settings.billing();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            SessionCaller.current().requireTenant();
        } catch (NoTenantException | TenantChoiceRequiredException notMember) {
            event.rerouteToError(new AccessDeniedException(notMember.getMessage()), "");
            return;
        } catch (AccessDeniedException noRole) {
            event.rerouteToError(noRole, "");
            return;
        }
        if (getComponentCount() > 0) {
            return;
        }
        month = BillingPage.monthPicker("costs-month", getTranslation("costs.month"), billing);
        month.addValueChangeListener(change -> show(change.getValue()));
        HorizontalLayout controls = new HorizontalLayout(month,
                BillingPage.download("costs-csv", getTranslation("costs.csv"), this::exportCosts),
                BillingPage.download("statement-pdf", getTranslation("costs.statementPdf"),
                        download -> exportStatement(download, Locale.ENGLISH)),
                BillingPage.download("statement-pdf-zh", getTranslation("costs.statementPdfZh"),
                        download -> exportStatement(download, Locale.SIMPLIFIED_CHINESE)),
                BillingPage.download("statement-csv", getTranslation("costs.statementCsv"),
                        download -> exportStatement(download, null)));
        controls.setAlignItems(FlexComponent.Alignment.BASELINE);
        controls.getStyle().set("flex-wrap", "wrap");
        report.setPadding(false);
        add(new H2(getTranslation("costs.title")), controls, report);
        show(month.getValue());
    }

    private CostReport reportOf(Caller caller, YearMonth shown) {
        LocalDate today = LocalDate.now(billing.zone());
        LocalDate last = shown.equals(YearMonth.from(today)) ? today : shown.atEndOfMonth();
        return costs.of(caller, shown.atDay(1), last);
    }

    private void show(YearMonth shown) {
        CostReport costReport = reportOf(SessionCaller.current(), shown);
        report.removeAll();
        report.add(BillingPage.total("costs-total", getTranslation("costs.total", money(costReport.total()))));
        if (shown.equals(YearMonth.now(billing.zone()))) {
            Span forecast = new Span(getTranslation("costs.forecast", money(forecast(costReport, shown))));
            forecast.setId("costs-forecast");
            report.add(forecast);
            BudgetLine.of(budgets.status(SessionCaller.current(), costReport), billing).ifPresent(report::add);
        }
        HorizontalLayout byKind = new HorizontalLayout();
        byKind.setId("costs-by-type");
        for (UsageKind kind : UsageKind.values()) {
            byKind.add(new Span(getTranslation("costs.kind." + kind.name()) + ": "
                    + money(costReport.byKind().getOrDefault(kind, BigDecimal.ZERO))));
        }
        report.add(byKind, new CostChart("costs-chart", costReport.days().stream()
                .map(day -> new CostChart.Bar(day.day().toString(), day.amount())).toList(), this::money), lines(costReport));
    }

    /**
     * The month so far, pay-as-you-go carried on at the rate of the days gone by (today counts as a
     * whole day); subscriptions bought are paid once, not carried on.
     */
    private static BigDecimal forecast(CostReport report, YearMonth month) {
        int elapsed = report.to().getDayOfMonth();
        BigDecimal bought = report.byKind().getOrDefault(UsageKind.SUBSCRIPTION, BigDecimal.ZERO);
        return report.total().subtract(bought).multiply(BigDecimal.valueOf(month.lengthOfMonth()))
                .divide(BigDecimal.valueOf(elapsed), 6, RoundingMode.HALF_UP).add(bought);
    }

    private Grid<CostLine> lines(CostReport report) {
        Grid<CostLine> grid = new Grid<>();
        grid.setId("costs-lines");
        grid.addColumn(CostLine::resourceName).setHeader(getTranslation("costs.resource")).setAutoWidth(true);
        grid.addColumn(line -> getTranslation("costs.kind." + line.kind().name())).setHeader(getTranslation("costs.type"))
                .setAutoWidth(true);
        grid.addColumn(CostLine::item).setHeader(getTranslation("costs.flavor")).setAutoWidth(true);
        grid.addColumn(line -> line.quantity().setScale(2, RoundingMode.HALF_UP).toPlainString() + " "
                + getTranslation("costs.unit." + line.unit())).setHeader(getTranslation("costs.quantity")).setAutoWidth(true);
        grid.addColumn(line -> BillingPage.money(billing, line.unitPrice(), 6)).setHeader(getTranslation("costs.unitPrice"))
                .setAutoWidth(true);
        grid.addColumn(line -> money(line.amount())).setHeader(getTranslation("costs.amount")).setAutoWidth(true);
        grid.setItems(report.lines());
        grid.setAllRowsVisible(report.lines().size() <= 20);
        return grid;
    }

    private String money(BigDecimal amount) {
        return BillingPage.money(billing, amount, 2);
    }

    private void exportCosts(DownloadEvent event) throws IOException {
        BillingPage.Asked asked = BillingPage.Asked.of(event, month);
        BillingPage.csv(event, "minicloud-costs-" + asked.caller().tenantAlias() + "-" + asked.month() + ".csv",
                out -> CostCsv.write(reportOf(asked.caller(), asked.month()), out));
    }

    /** The statement of the month shown (closed once the month is over), as PDF in a language, or CSV (null). */
    private void exportStatement(DownloadEvent event, Locale pdfLanguage) throws IOException {
        BillingPage.Asked asked = BillingPage.Asked.of(event, month);
        Statement statement = statements.of(asked.caller(), asked.month());
        if (pdfLanguage == null) {
            BillingPage.csv(event, statement.fileName("csv"), out -> StatementCsv.write(statement, out));
            return;
        }
        event.setFileName(statement.fileName(pdfLanguage.getLanguage().equals("zh") ? "zh.pdf" : "pdf"));
        event.setContentType("application/pdf");
        StatementPdf.write(statement, pdfLanguage, billing.zone(), billing.pdfFont(), event.getOutputStream());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("costs.title") + " · minicloud";
    }
}
