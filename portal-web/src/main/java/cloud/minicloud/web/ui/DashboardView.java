package cloud.minicloud.web.ui;

import cloud.minicloud.billing.cost.Budgets;
import cloud.minicloud.core.config.CloudSettings;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.quota.QuotaService;
import cloud.minicloud.core.quota.QuotaView;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.inject.Inject;

/**
 * A tenant's home: its quota and what it uses of it, and this month's costs against its budget if it
 * has one. A cloud admin acting for no tenant is taken to the cloud overview instead.
 */
@Route(value = "", layout = MainLayout.class)
public class DashboardView extends VerticalLayout implements HasDynamicTitle, com.vaadin.flow.router.BeforeEnterObserver {

    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        Caller caller = SessionCaller.current();
        if (caller.tenant().isEmpty() && caller.has(cloud.minicloud.core.identity.Role.CLOUD_ADMIN)) {
            event.forwardTo(AdminDashboardView.class);
        }
    }

    @Inject
    public DashboardView(QuotaService quotas, Budgets budgets, CloudSettings settings,
                         cloud.minicloud.core.instance.Subscriptions subscriptions) {
        Caller caller = SessionCaller.current();
        add(new H2(getTranslation("dashboard.title")));
        if (caller.tenant().isEmpty()) {
            add(new Paragraph(getTranslation("dashboard.noTenant")));
            return;
        }
        QuotaView quota = quotas.quotaOf(caller);
        Paragraph tenant = new Paragraph(getTranslation("dashboard.tenant", quota.tenant()));
        tenant.setId("tenant-name");

        Grid<QuotaView.Line> usage = new Grid<>();
        usage.setId("quota");
        usage.addColumn(line -> getTranslation("resource." + line.kind().name()))
                .setHeader(getTranslation("quota.resource"));
        usage.addColumn(QuotaView.Line::used).setHeader(getTranslation("quota.used"));
        usage.addColumn(QuotaView.Line::limit).setHeader(getTranslation("quota.limit"));
        usage.setItems(quota.lines());
        usage.setAllRowsVisible(true);
        add(tenant);
        if (quota.ordersClosed() != null) {
            // The core's own words: when, why, and whom to ask.
            Paragraph closed = new Paragraph(quota.ordersClosed());
            closed.setId("orders-closed");
            closed.getStyle().set("color", "#b91c1c");
            add(closed);
        }
        BudgetLine.of(budgets.status(caller), settings.billing()).ifPresent(this::add);
        endingSubscriptions(subscriptions.ending(caller), settings);
        add(new H2(getTranslation("quota.title")), usage);
    }

    /** Each subscription near or past its end, linked to its page (where it can be renewed). */
    private void endingSubscriptions(java.util.List<cloud.minicloud.core.instance.InstanceView> ending, CloudSettings settings) {
        if (ending.isEmpty()) {
            return;
        }
        VerticalLayout notices = new VerticalLayout(new com.vaadin.flow.component.html.H3(getTranslation("dashboard.subscriptions")));
        notices.setId("ending-subscriptions");
        notices.setPadding(false);
        notices.setSpacing(false);
        for (cloud.minicloud.core.instance.InstanceView instance : ending) {
            com.vaadin.flow.component.html.Div line = new com.vaadin.flow.component.html.Div(
                    new com.vaadin.flow.router.RouterLink(instance.name(), InstanceDetailView.class,
                            new com.vaadin.flow.router.RouteParameters("id", instance.id().toString())),
                    new com.vaadin.flow.component.html.Span(" — "),
                    SubscriptionLine.of("ending-" + instance.id(), instance, settings.billing().zone(), getLocale()));
            notices.add(line);
        }
        add(notices);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("dashboard.title") + " · minicloud";
    }
}
