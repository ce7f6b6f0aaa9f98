package cloud.minicloud.web.ui;

import cloud.minicloud.core.flavor.FlavorService;
import cloud.minicloud.core.flavor.FlavorSpec;
import cloud.minicloud.core.flavor.FlavorView;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.function.Supplier;

/**
 * Cloud admins: the flavor catalogue. A new flavor is orderable at once; one that instances had
 * keeps its size and is disabled rather than deleted. Caps are kept for the network and disk
 * limits to come.
 */
@Route(value = "admin/flavors", layout = MainLayout.class)
public class FlavorsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final FlavorService flavors;
    private final Grid<FlavorView> grid = new Grid<>();
    private final TextField name = new TextField(t("flavors.name"));
    private final IntegerField vcpus = new IntegerField(t("flavors.vcpus"));
    private final IntegerField memory = new IntegerField(t("flavors.memory"));
    private final TextField price = new TextField(t("flavors.price"));
    private final IntegerField bandwidth = new IntegerField(t("flavors.bandwidth"));
    private final IntegerField iops = new IntegerField(t("flavors.iops"));
    private final IntegerField throughput = new IntegerField(t("flavors.throughput"));
    private final Button save = new Button();
    /** The flavor the form changes, or null while it makes a new one. */
    private String editing;

    @Inject
    public FlavorsView(FlavorService flavors) {
        this.flavors = flavors;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        CloudAdminGuard.admit(event).ifPresent(admitted -> {
            if (getComponentCount() == 0) {
                show();
            }
        });
    }

    private void show() {
        name.setId("flavor-name");
        vcpus.setId("flavor-vcpus");
        memory.setId("flavor-memory");
        price.setId("flavor-price");
        bandwidth.setId("flavor-bandwidth");
        iops.setId("flavor-iops");
        throughput.setId("flavor-throughput");
        for (IntegerField cap : new IntegerField[] {bandwidth, iops, throughput}) {
            cap.setHelperText(t("flavors.noCap"));
        }
        save.setId("save-flavor");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        Button fresh = new Button(t("flavors.new"), click -> edit(null));
        fresh.setId("new-flavor");
        FormLayout form = new FormLayout(name, vcpus, memory, price, bandwidth, iops, throughput);

        grid.setId("flavors");
        grid.addColumn(FlavorView::name).setHeader(t("flavors.name")).setAutoWidth(true);
        grid.addColumn(FlavorView::vcpus).setHeader(t("flavors.vcpus")).setAutoWidth(true);
        grid.addColumn(FlavorView::memoryMib).setHeader(t("flavors.memory")).setAutoWidth(true);
        grid.addColumn(f -> f.hourlyPrice().toPlainString()).setHeader(t("flavors.price")).setAutoWidth(true);
        grid.addColumn(f -> caps(f)).setHeader(t("flavors.caps")).setAutoWidth(true);
        grid.addColumn(f -> t(f.enabled() ? "flavors.enabled" : "flavors.disabled")).setHeader(t("flavors.state"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::actions).setAutoWidth(true);
        refresh();
        edit(null);
        add(new H2(t("flavors.title")), form, new HorizontalLayout(save, fresh), grid);
    }

    private String caps(FlavorView flavor) {
        return t("flavors.capsValue", orNone(flavor.bandwidthMbps()), orNone(flavor.diskIops()), orNone(flavor.diskMbps()));
    }

    private String orNone(Integer cap) {
        return cap == null ? "—" : cap.toString();
    }

    private HorizontalLayout actions(FlavorView flavor) {
        Button edit = small("edit", flavor, () -> edit(flavor));
        Button toggle = small(flavor.enabled() ? "disable" : "enable", flavor,
                () -> act(() -> flavors.enable(SessionCaller.current(), flavor.name(), !flavor.enabled()),
                        flavor.enabled() ? "flavors.done.disable" : "flavors.done.enable", flavor.name()));
        Button delete = small("delete", flavor, () -> {
            ConfirmDialog confirm = new ConfirmDialog(t("flavors.deleteTitle", flavor.name()), t("flavors.deleteText"),
                    t("flavors.action.delete"), yes -> act(() -> {
                        flavors.delete(SessionCaller.current(), flavor.name());
                        return null;
                    }, "flavors.done.delete", flavor.name()));
            confirm.setCancelable(true);
            confirm.setCancelText(t("common.cancel"));
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(edit, toggle, delete);
    }

    private Button small(String action, FlavorView flavor, Runnable onClick) {
        Button button = new Button(t("flavors.action." + action), click -> onClick.run());
        button.setId(action + "-flavor-" + flavor.name());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return button;
    }

    /** Fills the form with a flavor to change, or empties it for a new one (the name is fixed once made). */
    private void edit(FlavorView flavor) {
        editing = flavor == null ? null : flavor.name();
        name.setValue(flavor == null ? "" : flavor.name());
        name.setReadOnly(flavor != null);
        vcpus.setValue(flavor == null ? null : flavor.vcpus());
        memory.setValue(flavor == null ? null : (int) flavor.memoryMib());
        price.setValue(flavor == null ? "" : flavor.hourlyPrice().toPlainString());
        bandwidth.setValue(flavor == null ? null : flavor.bandwidthMbps());
        iops.setValue(flavor == null ? null : flavor.diskIops());
        throughput.setValue(flavor == null ? null : flavor.diskMbps());
        save.setText(t(flavor == null ? "flavors.create" : "flavors.save"));
    }

    private void save() {
        BigDecimal hourly;
        try {
            hourly = new BigDecimal(price.getValue().strip());
        } catch (NumberFormatException e) {
            error(t("flavors.badPrice"));
            return;
        }
        FlavorSpec spec = new FlavorSpec(name.getValue().strip(), vcpus.getValue(),
                memory.getValue() == null ? null : memory.getValue().longValue(), hourly, bandwidth.getValue(),
                iops.getValue(), throughput.getValue());
        String was = editing;
        act(() -> was == null ? flavors.create(SessionCaller.current(), spec) : flavors.change(SessionCaller.current(), was, spec),
                was == null ? "flavors.done.create" : "flavors.done.save", spec.name());
    }

    /** One service call; its refusal is said as it came, and the grid shows what holds now. */
    private void act(Supplier<FlavorView> call, String done, String flavor) {
        if (Refusals.attempt(call::get)) {
            Notification.show(t(done, flavor));
            edit(null);
        }
        refresh();
    }

    private void error(String message) {
        Refusals.show(message);
    }

    private void refresh() {
        grid.setItems(flavors.all(SessionCaller.current()));
    }

    private String t(String key, Object... parameters) {
        return getTranslation(key, parameters);
    }

    @Override
    public String getPageTitle() {
        return t("flavors.title") + " · minicloud";
    }
}
