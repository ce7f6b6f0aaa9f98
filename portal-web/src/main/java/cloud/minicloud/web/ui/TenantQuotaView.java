package cloud.minicloud.web.ui;

import cloud.minicloud.billing.cost.Budgets;
import cloud.minicloud.core.InvalidRequestException;
import cloud.minicloud.core.NotFoundException;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.quota.QuotaService;
import cloud.minicloud.core.quota.QuotaView;
import cloud.minicloud.core.quota.ResourceAmounts;
import cloud.minicloud.core.quota.ResourceKind;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;

/**
 * Cloud admins: one tenant's limits, each beside what the tenant uses of it, and its monthly budget.
 * A limit below the use is allowed and said: nothing is taken away, new orders are refused until use falls.
 */
@Route(value = "admin/tenants/:tenant/quota", layout = MainLayout.class)
public class TenantQuotaView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final QuotaService quotas;
    private final Budgets budgets;
    private final Map<ResourceKind, IntegerField> limits = new EnumMap<>(ResourceKind.class);
    private final BigDecimalField budget = new BigDecimalField();
    private String tenant = "";

    @Inject
    public TenantQuotaView(QuotaService quotas, Budgets budgets) {
        this.quotas = quotas;
        this.budgets = budgets;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        CloudAdminGuard.admit(event).ifPresent(caller -> {
            tenant = event.getRouteParameters().get("tenant").orElse("");
            try {
                show(quotas.quotaOfTenant(caller, tenant));
                budget.setValue(budgets.of(caller, tenant));
            } catch (NotFoundException | IllegalArgumentException unknown) {
                event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
            }
        });
    }

    private void show(QuotaView quota) {
        removeAll();
        limits.clear();
        FormLayout form = new FormLayout();
        for (ResourceKind kind : ResourceKind.values()) {
            IntegerField limit = new IntegerField(getTranslation("resource." + kind.name()));
            limit.setId("limit-" + kind.name());
            limit.setMin(0);
            limit.setMax((int) Math.min(Integer.MAX_VALUE, kind.maxLimit()));
            limit.setStepButtonsVisible(true);
            // A limit set before the ceiling existed shows as the ceiling; saving keeps that.
            limit.setValue((int) Math.min(quota.limits().of(kind), Math.min(Integer.MAX_VALUE, kind.maxLimit())));
            long used = quota.used().of(kind);
            limit.addValueChangeListener(change -> describe(limit, used));
            describe(limit, used);
            limits.put(kind, limit);
            form.add(limit);
        }
        budget.setId("budget");
        budget.setLabel(getTranslation("quota.budget"));
        budget.setHelperText(getTranslation("quota.budgetHint"));
        budget.setClearButtonVisible(true);
        form.add(budget);
        Button save = new Button(getTranslation("quota.save"), click -> save());
        save.setId("save-quota");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button back = new Button(getTranslation("quota.back"), click -> UI.getCurrent().navigate(TenantsView.class));
        add(new H2(getTranslation("quota.ofTenant", quota.tenant())), form, new HorizontalLayout(save, back));
    }

    /** The use under each limit, and a word when the limit is below it. */
    private void describe(IntegerField limit, long used) {
        Integer value = limit.getValue();
        limit.setHelperText(value != null && value < used
                ? getTranslation("quota.belowUse", used)
                : getTranslation("quota.inUse", used));
    }

    private void save() {
        if (limits.values().stream().anyMatch(field -> field.isInvalid() || field.getValue() == null) || budget.isInvalid()) {
            Notification.show(getTranslation("quota.fixFields")).addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        Caller caller = SessionCaller.current();
        try {
            if (budget.getValue() != null) {
                Budgets.check(budget.getValue());
            }
            QuotaView saved = quotas.changeLimits(caller, tenant, new ResourceAmounts(value(ResourceKind.INSTANCES),
                    value(ResourceKind.VCPUS), value(ResourceKind.MEMORY), value(ResourceKind.DISK),
                    value(ResourceKind.NETWORKS), value(ResourceKind.IMAGES), value(ResourceKind.IMAGE_STORAGE)));
            java.math.BigDecimal before = budgets.of(caller, tenant);
            boolean changed = budget.getValue() == null ? before != null : before == null || budget.getValue().compareTo(before) != 0;
            if (changed) {
                budgets.set(caller, tenant, budget.getValue());
            }
            Notification.show(getTranslation("quota.saved", saved.tenant()));
            UI.getCurrent().navigate(TenantsView.class);
        } catch (InvalidRequestException refused) {
            Notification.show(refused.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private long value(ResourceKind kind) {
        return limits.get(kind).getValue();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("quota.ofTenant", tenant) + " · minicloud";
    }
}
