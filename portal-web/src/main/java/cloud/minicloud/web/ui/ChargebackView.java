package cloud.minicloud.web.ui;

import cloud.minicloud.billing.cost.Chargeback;
import cloud.minicloud.billing.cost.ChargebackCsv;
import cloud.minicloud.billing.cost.ChargebackPdf;
import cloud.minicloud.billing.cost.ChargebackReport;
import cloud.minicloud.billing.cost.ChargebackReport.TenantCharge;
import cloud.minicloud.core.config.BillingSettings;
import cloud.minicloud.core.config.CloudSettings;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
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
import java.time.YearMonth;

/** Cloud admins: what each tenant's usage cost in a month (this month so far at once), as a table, bars and CSV. */
@Route(value = "admin/chargeback", layout = MainLayout.class)
public class ChargebackView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final Chargeback chargeback;
    private final BillingSettings billing;
    private final VerticalLayout report = new VerticalLayout();
    private Select<YearMonth> month;

    @Inject
    public ChargebackView(Chargeback chargeback, CloudSettings settings) {
        this.chargeback = chargeback;
        this.billing = settings.billing();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        CloudAdminGuard.admit(event).ifPresent(caller -> {
            if (getComponentCount() > 0) {
                return;
            }
            month = BillingPage.monthPicker("chargeback-month", getTranslation("costs.month"), billing);
            month.addValueChangeListener(change -> show(change.getValue()));
            HorizontalLayout controls = new HorizontalLayout(month,
                    BillingPage.download("chargeback-csv", getTranslation("costs.csv"), this::export),
                    BillingPage.download("chargeback-pdf", getTranslation("chargeback.pdf"), this::exportPdf));
            controls.setAlignItems(FlexComponent.Alignment.BASELINE);
            report.setPadding(false);
            add(new H2(getTranslation("chargeback.title")), controls, report);
            show(month.getValue());
        });
    }

    private void show(YearMonth shown) {
        ChargebackReport result = chargeback.of(SessionCaller.current(), shown);
        report.removeAll();
        Grid<TenantCharge> grid = new Grid<>();
        grid.setId("chargeback");
        grid.addColumn(TenantCharge::tenant).setHeader(getTranslation("chargeback.tenant")).setAutoWidth(true);
        grid.addColumn(TenantCharge::displayName).setHeader(getTranslation("chargeback.name")).setAutoWidth(true);
        grid.addColumn(row -> money(row.compute())).setHeader(getTranslation("costs.kind.COMPUTE")).setAutoWidth(true);
        grid.addColumn(row -> money(row.disks())).setHeader(getTranslation("costs.kind.DISK")).setAutoWidth(true);
        grid.addColumn(row -> money(row.images())).setHeader(getTranslation("costs.kind.IMAGE")).setAutoWidth(true);
        grid.addColumn(row -> money(row.subscriptions())).setHeader(getTranslation("costs.kind.SUBSCRIPTION")).setAutoWidth(true);
        grid.addColumn(row -> money(row.total())).setHeader(getTranslation("costs.amount")).setAutoWidth(true);
        grid.setItems(result.tenants());
        grid.setAllRowsVisible(result.tenants().size() <= 20);
        report.add(BillingPage.total("chargeback-total", getTranslation("costs.total", money(result.total()))),
                new CostChart("chargeback-chart", result.tenants().stream()
                        .map(row -> new CostChart.Bar(row.tenant(), row.total())).toList(), this::money), grid);
    }

    private String money(BigDecimal amount) {
        return BillingPage.money(billing, amount, 2);
    }

    private void export(DownloadEvent event) throws IOException {
        BillingPage.Asked asked = BillingPage.Asked.of(event, month);
        BillingPage.csv(event, "minicloud-chargeback-" + asked.month() + ".csv",
                out -> ChargebackCsv.write(chargeback.of(asked.caller(), asked.month()), out));
    }

    /** The month as a PDF in the page's language. */
    private void exportPdf(DownloadEvent event) throws IOException {
        BillingPage.Asked asked = BillingPage.Asked.of(event, month);
        event.setFileName("minicloud-chargeback-" + asked.month() + ".pdf");
        event.setContentType("application/pdf");
        ChargebackPdf.write(chargeback.of(asked.caller(), asked.month()), getLocale(), billing.pdfFont(),
                event.getOutputStream());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("chargeback.title") + " · minicloud";
    }
}
