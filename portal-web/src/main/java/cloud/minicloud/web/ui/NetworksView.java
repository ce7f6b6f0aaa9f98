package cloud.minicloud.web.ui;

import cloud.minicloud.core.ConflictException;
import cloud.minicloud.core.InvalidRequestException;
import cloud.minicloud.core.TooManyRequestsException;
import cloud.minicloud.core.network.NetworkInUseException;
import cloud.minicloud.core.network.NetworkNameTakenException;
import cloud.minicloud.core.network.NetworkService;
import cloud.minicloud.core.network.NetworkView;
import cloud.minicloud.core.quota.QuotaExceededException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.inject.Inject;

/** A tenant's private networks: create one, see them all (paged lazily), delete one. */
@Route(value = "networks", layout = MainLayout.class)
public class NetworksView extends VerticalLayout implements HasDynamicTitle {

    private final NetworkService networks;
    private final Grid<NetworkView> grid = new Grid<>();
    private final Paragraph empty = new Paragraph();
    private final TextField name = new TextField();

    @Inject
    public NetworksView(NetworkService networks) {
        this.networks = networks;
        add(new H2(getTranslation("networks.title")));
        if (SessionCaller.current().tenant().isEmpty()) {
            add(new Paragraph(getTranslation("dashboard.noTenant")));
            return;
        }
        name.setId("network-name");
        name.setLabel(getTranslation("networks.name"));
        name.setMaxLength(64);
        Button create = new Button(getTranslation("networks.create"), click -> create());
        create.setId("create-network");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(name, create);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setId("networks");
        grid.addColumn(NetworkView::name).setHeader(getTranslation("networks.name"));
        grid.addColumn(NetworkView::cidr).setHeader(getTranslation("networks.subnet"));
        grid.addColumn(NetworkView::segmentId).setHeader(getTranslation("networks.segment"));
        grid.addColumn(NetworkView::instances).setHeader(getTranslation("networks.instances"));
        grid.addComponentColumn(this::deleteButton).setHeader(getTranslation("networks.actions"));
        grid.setItems(
                query -> networks.list(SessionCaller.current(), query.getOffset(), query.getLimit()).stream(),
                query -> (int) networks.count(SessionCaller.current()));
        empty.setId("networks-empty");
        empty.setText(getTranslation("networks.empty"));
        add(form, empty, grid);
        refresh();
    }

    private void create() {
        try {
            NetworkView created = networks.create(SessionCaller.current(), name.getValue());
            name.clear();
            name.setInvalid(false);
            Notification.show(getTranslation("networks.created", created.name(), created.cidr()));
            refresh();
        } catch (InvalidRequestException | NetworkNameTakenException | QuotaExceededException | ConflictException
                 | TooManyRequestsException refused) {
            name.setErrorMessage(refused.getMessage());
            name.setInvalid(true);
        }
    }

    private Button deleteButton(NetworkView network) {
        Button delete = new Button(getTranslation("networks.delete"), click -> {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("networks.deleteTitle", network.name()),
                    getTranslation("networks.deleteText"), getTranslation("networks.delete"), yes -> {
                        try {
                            networks.delete(SessionCaller.current(), network.id());
                            Notification.show(getTranslation("networks.deleted", network.name()));
                        } catch (NetworkInUseException inUse) {
                            Notification refused = Notification.show(inUse.getMessage(), 8000, Notification.Position.MIDDLE);
                            refused.addThemeVariants(NotificationVariant.LUMO_ERROR);
                        }
                        refresh();
                    });
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("networks.cancel"));
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        if (network.instances() > 0) {
            delete.setEnabled(false);
            delete.setTooltipText(getTranslation("networks.inUse", network.instances()));
        }
        return delete;
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        boolean none = networks.count(SessionCaller.current()) == 0;
        empty.setVisible(none);
        grid.setVisible(!none);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("networks.title") + " · minicloud";
    }
}
