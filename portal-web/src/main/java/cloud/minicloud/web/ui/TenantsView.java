package cloud.minicloud.web.ui;

import cloud.minicloud.billing.cost.Chargeback;
import cloud.minicloud.billing.cost.ChargebackReport;
import cloud.minicloud.core.config.BillingSettings;
import cloud.minicloud.core.config.CloudSettings;
import cloud.minicloud.core.quota.QuotaService;
import cloud.minicloud.core.quota.QuotaView;
import cloud.minicloud.core.quota.ResourceKind;
import cloud.minicloud.core.quota.TenantAdministration;
import cloud.minicloud.core.tenant.TenantProfile;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Cloud admins: every tenant with its quota, paged lazily from the database; a new tenant, a
 * tenant's members, and deleting one that owns nothing.
 */
@Route(value = "admin/tenants", layout = MainLayout.class)
public class TenantsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final QuotaService quotas;
    private final TenantAdministration administration;
    private final Chargeback chargeback;
    private final BillingSettings billing;
    private final Grid<QuotaView> tenants = new Grid<>();

    @Inject
    public TenantsView(QuotaService quotas, TenantAdministration administration, Chargeback chargeback,
                       CloudSettings settings) {
        this.quotas = quotas;
        this.administration = administration;
        this.chargeback = chargeback;
        this.billing = settings.billing();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        CloudAdminGuard.admit(event).ifPresent(admitted -> show());
    }

    private void show() {
        removeAll();
        tenants.removeAllColumns();
        tenants.setId("tenants");
        tenants.addColumn(QuotaView::tenant).setHeader(getTranslation("tenants.tenant"));
        for (ResourceKind kind : ResourceKind.values()) {
            tenants.addColumn(view -> getTranslation("tenants.usedOfLimit", view.used().of(kind), view.limits().of(kind)))
                    .setHeader(getTranslation("resource." + kind.name()));
        }
        // This month's costs of every tenant, summed once for the page (the Chargeback page has the detail).
        Map<String, BigDecimal> costs = chargeback.of(SessionCaller.current(), YearMonth.now(billing.zone())).tenants()
                .stream().collect(Collectors.toMap(ChargebackReport.TenantCharge::tenant, ChargebackReport.TenantCharge::total));
        tenants.addColumn(view -> BillingPage.money(billing, costs.getOrDefault(view.tenant(), BigDecimal.ZERO), 2))
                .setHeader(getTranslation("tenants.costThisMonth"));
        tenants.addColumn(view -> getTranslation(view.ordersClosed() == null ? "tenants.active" : "tenants.disabled"))
                .setHeader(getTranslation("tenants.status"))
                .setTooltipGenerator(view -> view.ordersClosed() == null ? "" : view.ordersClosed());
        tenants.addComponentColumn(view -> {
                    RouterLink edit = new RouterLink(getTranslation("tenants.editQuota"), TenantQuotaView.class,
                            new RouteParameters("tenant", view.tenant()));
                    edit.setId("edit-quota-" + view.tenant());
                    RouterLink members = new RouterLink(getTranslation("tenants.members"), TenantMembersView.class,
                            new RouteParameters("tenant", view.tenant()));
                    members.setId("members-" + view.tenant());
                    Button delete = new Button(getTranslation("tenants.delete"), click -> confirmDelete(view.tenant()));
                    delete.setId("delete-tenant-" + view.tenant());
                    delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
                    Button toggle = view.ordersClosed() == null
                            ? new Button(getTranslation("tenants.disable"), click -> disable(view.tenant()))
                            : new Button(getTranslation("tenants.enable"), click -> {
                                if (Refusals.attempt(() -> administration.enable(SessionCaller.current(), view.tenant()))) {
                                    Notification.show(getTranslation("tenants.enabled", view.tenant()));
                                }
                                tenants.getDataProvider().refreshAll();
                            });
                    toggle.setId((view.ordersClosed() == null ? "disable-tenant-" : "enable-tenant-") + view.tenant());
                    toggle.addThemeVariants(ButtonVariant.LUMO_SMALL);
                    HorizontalLayout actions = new HorizontalLayout(edit, members, toggle, delete);
                    actions.setAlignItems(FlexComponent.Alignment.CENTER);
                    return actions;
                }).setAutoWidth(true);
        tenants.setItems(
                query -> quotas.tenantQuotas(SessionCaller.current(), query.getOffset(), query.getLimit()).stream(),
                query -> (int) quotas.tenantCount(SessionCaller.current()));
        Button create = new Button(getTranslation("tenants.new"), click -> newTenant());
        create.setId("new-tenant");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2(getTranslation("tenants.title")), create, tenants);
    }

    /** Alias, display name and description; the tenant has the default quota and no members yet. */
    private void newTenant() {
        TextField alias = new TextField(getTranslation("tenants.alias"));
        alias.setId("tenant-alias");
        alias.setHelperText(getTranslation("tenants.aliasHint"));
        TextField displayName = new TextField(getTranslation("tenants.displayName"));
        displayName.setId("tenant-display-name");
        TextArea description = new TextArea(getTranslation("tenants.description"));
        description.setId("tenant-description");
        Dialog dialog = new Dialog(new FormLayout(alias, displayName, description));
        dialog.setHeaderTitle(getTranslation("tenants.new"));
        Button create = new Button(getTranslation("tenants.create"), click -> {
            if (Refusals.attempt(() -> administration.create(SessionCaller.current(),
                    new TenantProfile(alias.getValue().strip(), displayName.getValue(), description.getValue())))) {
                Notification.show(getTranslation("tenants.created", alias.getValue().strip()));
                dialog.close();
                tenants.getDataProvider().refreshAll();
            }
        });
        create.setId("create-tenant");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()), create);
        dialog.open();
    }

    /** Asks for the reason its members will read, then closes the tenant's orders. */
    private void disable(String tenant) {
        TextField reason = new TextField(getTranslation("tenants.disableReason"));
        reason.setId("disable-reason");
        reason.setWidthFull();
        Dialog dialog = new Dialog(new Paragraph(getTranslation("tenants.disableText")), reason);
        dialog.setHeaderTitle(getTranslation("tenants.disableTitle", tenant));
        Button confirm = new Button(getTranslation("tenants.disable"), click -> {
            if (Refusals.attempt(() -> administration.disable(SessionCaller.current(), tenant, reason.getValue()))) {
                Notification.show(getTranslation("tenants.disabledNow", tenant));
                dialog.close();
            }
            tenants.getDataProvider().refreshAll();
        });
        confirm.setId("confirm-disable");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()), confirm);
        dialog.open();
    }

    private void confirmDelete(String tenant) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("tenants.deleteTitle", tenant), getTranslation("tenants.deleteText"),
                getTranslation("tenants.delete"), yes -> {
                    if (Refusals.attempt(() -> administration.delete(SessionCaller.current(), tenant))) {
                        Notification.show(getTranslation("tenants.deleted", tenant));
                    }
                    tenants.getDataProvider().refreshAll();
                });
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("common.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tenants.title") + " · minicloud";
    }
}
