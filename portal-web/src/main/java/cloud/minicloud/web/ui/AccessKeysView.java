package cloud.minicloud.web.ui;

import cloud.minicloud.core.ConflictException;
import cloud.minicloud.core.accesskey.AccessKeyService;
import cloud.minicloud.core.accesskey.AccessKeyView;
import cloud.minicloud.core.accesskey.NewAccessKey;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.inject.Inject;

/**
 * The signed-in user's AccessKey pairs, for scripts that use Alibaba Cloud's SDKs: made (the
 * secret shown once, in a dialog), disabled, enabled and deleted. At most two are active.
 */
@Route(value = "access-keys", layout = MainLayout.class)
public class AccessKeysView extends VerticalLayout implements HasDynamicTitle {

    private final AccessKeyService keys;
    private final Grid<AccessKeyView> grid = new Grid<>();
    private final Paragraph empty = new Paragraph();

    @Inject
    public AccessKeysView(AccessKeyService keys) {
        this.keys = keys;
        add(new H2(getTranslation("keys.title")), new Paragraph(getTranslation("keys.about")));
        Button create = new Button(getTranslation("keys.create"), click -> create());
        create.setId("create-key");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        grid.setId("keys");
        AccessKeyColumns.add(grid, this, getLocale(), false);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("keys.actions")).setAutoWidth(true);
        empty.setId("keys-empty");
        empty.setText(getTranslation("keys.empty"));
        add(create, empty, grid);
        refresh();
    }

    private void create() {
        try {
            NewAccessKey made = keys.create(SessionCaller.current());
            showOnce(made);
            refresh();
        } catch (ConflictException | cloud.minicloud.core.identity.AccessDeniedException refused) {
            Notification shown = Notification.show(refused.getMessage(), 8000, Notification.Position.MIDDLE);
            shown.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /** The secret, in fields that can be selected and copied, until the dialog is closed: never again. */
    private void showOnce(NewAccessKey made) {
        TextField id = new TextField(getTranslation("keys.id"), made.key().accessKeyId(), "");
        id.setId("new-key-id");
        id.setReadOnly(true);
        id.setWidthFull();
        TextField secret = new TextField(getTranslation("keys.secret"), made.accessKeySecret(), "");
        secret.setId("new-key-secret");
        secret.setReadOnly(true);
        secret.setWidthFull();
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(getTranslation("keys.madeTitle"));
        dialog.setText(new VerticalLayout(new Paragraph(getTranslation("keys.madeText")), id, secret));
        dialog.setConfirmText(getTranslation("keys.madeClose"));
        dialog.setId("new-key");
        dialog.open();
    }

    private HorizontalLayout actions(AccessKeyView key) {
        boolean active = AccessKeyView.ACTIVE.equals(key.status());
        Button toggle = new Button(getTranslation(active ? "keys.disable" : "keys.enable"), click -> {
            try {
                if (active) {
                    keys.disable(SessionCaller.current(), key.accessKeyId());
                } else {
                    keys.enable(SessionCaller.current(), key.accessKeyId());
                }
            } catch (ConflictException refused) {
                Notification shown = Notification.show(refused.getMessage(), 8000, Notification.Position.MIDDLE);
                shown.addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
            refresh();
        });
        toggle.setId((active ? "disable-" : "enable-") + key.accessKeyId());
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Button delete = new Button(getTranslation("keys.delete"), click -> {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("keys.deleteTitle", key.accessKeyId()),
                    getTranslation("keys.deleteText"), getTranslation("keys.delete"), yes -> {
                        keys.delete(SessionCaller.current(), key.accessKeyId());
                        Notification.show(getTranslation("keys.deleted", key.accessKeyId()));
                        refresh();
                    });
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("networks.cancel"));
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        delete.setId("delete-" + key.accessKeyId());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        return new HorizontalLayout(toggle, delete);
    }

    private void refresh() {
        var mine = keys.mine(SessionCaller.current());
        grid.setItems(mine);
        empty.setVisible(mine.isEmpty());
        grid.setVisible(!mine.isEmpty());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("keys.title") + " · minicloud";
    }
}
