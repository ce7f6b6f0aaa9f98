package cloud.minicloud.web.ui;

import cloud.minicloud.core.quota.QuotaService;
import cloud.minicloud.core.quota.QuotaView;
import cloud.minicloud.core.quota.ResourceKind;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.inject.Inject;

/** Cloud admins: every tenant with its quota, paged lazily from the database. */
@Route(value = "admin/tenants", layout = MainLayout.class)
public class TenantsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final QuotaService quotas;

    @Inject
    public TenantsView(QuotaService quotas) {
        this.quotas = quotas;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        CloudAdminGuard.admit(event).ifPresent(admitted -> show());
    }

    private void show() {
        removeAll();
        Grid<QuotaView> tenants = new Grid<>();
        tenants.setId("tenants");
        tenants.addColumn(QuotaView::tenant).setHeader(getTranslation("tenants.tenant"));
        for (ResourceKind kind : ResourceKind.values()) {
            tenants.addColumn(view -> getTranslation("tenants.usedOfLimit", view.used().of(kind), view.limits().of(kind)))
                    .setHeader(getTranslation("resource." + kind.name()));
        }
        tenants.addComponentColumn(view -> {
                    RouterLink edit = new RouterLink(getTranslation("tenants.editQuota"), TenantQuotaView.class,
                            new RouteParameters("tenant", view.tenant()));
                    edit.setId("edit-quota-" + view.tenant());
                    return edit;
                }).setAutoWidth(true);
        tenants.setItems(
                query -> quotas.tenantQuotas(SessionCaller.current(), query.getOffset(), query.getLimit()).stream(),
                query -> (int) quotas.tenantCount(SessionCaller.current()));
        add(new H2(getTranslation("tenants.title")), tenants);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tenants.title") + " · minicloud";
    }
}
