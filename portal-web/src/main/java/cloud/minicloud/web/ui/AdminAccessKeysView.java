package cloud.minicloud.web.ui;

import cloud.minicloud.core.accesskey.AccessKeyService;
import cloud.minicloud.core.accesskey.AccessKeyView;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.inject.Inject;

/**
 * Cloud admins: every user's AccessKeys (never a secret), newest first and paged lazily, with
 * when each was last used; an admin disables any of them at once (only its user enables it again).
 */
@Route(value = "admin/access-keys", layout = MainLayout.class)
public class AdminAccessKeysView extends com.vaadin.flow.component.orderedlayout.VerticalLayout
        implements BeforeEnterObserver, HasDynamicTitle {

    private final AccessKeyService keys;
    private final Grid<AccessKeyView> grid = new Grid<>();

    @Inject
    public AdminAccessKeysView(AccessKeyService keys) {
        this.keys = keys;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        CloudAdminGuard.admit(event).ifPresent(admitted -> show());
    }

    private void show() {
        removeAll();
        grid.removeAllColumns();
        grid.setId("all-keys");
        AccessKeyColumns.add(grid, this, getLocale(), true);
        grid.addComponentColumn(this::disable).setHeader(getTranslation("keys.actions")).setAutoWidth(true);
        grid.setItems(query -> keys.all(SessionCaller.current(), query.getOffset(), query.getLimit()).stream(),
                query -> (int) keys.count(SessionCaller.current()));
        add(new H2(getTranslation("keys.allTitle")), new Paragraph(getTranslation("keys.allAbout")), grid);
    }

    private com.vaadin.flow.component.Component disable(AccessKeyView key) {
        if (!AccessKeyView.ACTIVE.equals(key.status())) {
            return new Span();
        }
        Button disable = new Button(getTranslation("keys.disable"), click -> {
            if (Refusals.attempt(() -> keys.disable(SessionCaller.current(), key.accessKeyId()))) {
                Notification.show(getTranslation("keys.disabled", key.accessKeyId()));
            }
            grid.getDataProvider().refreshAll();
        });
        disable.setId("admin-disable-" + key.accessKeyId());
        disable.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        return disable;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("keys.allTitle") + " · minicloud";
    }
}
