package cloud.minicloud.web.ui;

import cloud.minicloud.core.InvalidRequestException;
import cloud.minicloud.core.flavor.FlavorService;
import cloud.minicloud.core.flavor.FlavorView;
import cloud.minicloud.core.identity.AccessDeniedException;
import cloud.minicloud.core.image.ImageConflictException;
import cloud.minicloud.core.image.NewImage;
import cloud.minicloud.core.instance.InstanceAction;
import cloud.minicloud.core.instance.InstanceService;
import cloud.minicloud.core.instance.InstanceState;
import cloud.minicloud.core.instance.InstanceView;
import cloud.minicloud.core.instance.InvalidStateException;
import cloud.minicloud.core.placement.NoCapacityException;
import cloud.minicloud.core.quota.QuotaExceededException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.contextmenu.GridContextMenu;
import com.vaadin.flow.component.grid.contextmenu.GridMenuItem;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.i18n.I18NProvider;
import java.util.function.Supplier;

/**
 * The actions that operate an instance (start, stop, reboot, resize, create image, delete), each enabled only
 * in a state it can act from: buttons on an instance's page, a menu on the lists.
 */
final class InstanceActions {

    private final InstanceService instances;
    private final FlavorService flavors;
    private final boolean administrator;

    InstanceActions(InstanceService instances, FlavorService flavors) {
        this(instances, flavors, false);
    }

    private InstanceActions(InstanceService instances, FlavorService flavors, boolean administrator) {
        this.instances = instances;
        this.flavors = flavors;
        this.administrator = administrator;
    }

    /** A cloud admin's buttons on any tenant's instance: start, stop, reboot and delete, done as an administrator. */
    static InstanceActions forAdministrators(InstanceService instances) {
        return new InstanceActions(instances, null, true);
    }

    /** The actions offered, in the order shown: an administrator's are the power actions and delete. */
    private java.util.List<InstanceAction> offered() {
        return administrator
                ? java.util.List.of(InstanceAction.START, InstanceAction.STOP, InstanceAction.REBOOT, InstanceAction.DELETE)
                : java.util.List.of(InstanceAction.values());
    }

    /** For one instance (its page): a button per action. */
    HorizontalLayout buttons(InstanceView instance) {
        HorizontalLayout buttons = new HorizontalLayout();
        offered().forEach(action -> buttons.add(button(instance, action)));
        buttons.setSpacing(false);
        buttons.getStyle().set("gap", "var(--lumo-space-xs)").set("flex-wrap", "wrap");
        return buttons;
    }

    /**
     * For a list: one menu for the whole grid, opened by a click on a row (its "Actions" cell says
     * so), with the row's actions and those its state does not allow greyed out. No component per
     * row: a session with a list open stays light however many instances there are.
     */
    void menuOn(Grid<InstanceView> grid) {
        GridContextMenu<InstanceView> menu = grid.addContextMenu();
        menu.setOpenOnClick(true);
        menu.setDynamicContentHandler(instance -> {
            menu.removeAll();
            if (instance == null) {
                return false;
            }
            for (InstanceAction action : offered()) {
                GridMenuItem<InstanceView> item = menu.addItem(button(action.label()), click -> perform(instance, action));
                item.setId("menu-" + action.label());
                item.setEnabled(instance.allows(action));
            }
            if (administrator) {
                // Live if it runs, cold if stopped, to the node placement chooses in its zone (the API names a node).
                GridMenuItem<InstanceView> move = menu.addItem(button("migrate"), click -> run(
                        () -> instances.migrate(SessionCaller.current(), instance.id(), null),
                        t("instances.done.migrate", instance.name())));
                move.setId("menu-migrate");
                move.setEnabled(instance.state().movable());
            }
            return true;
        });
        grid.addColumn(LitRenderer.<InstanceView>of(
                        "<vaadin-button theme='small tertiary' id='actions-${item.id}' aria-haspopup='menu'>${item.label} ▾</vaadin-button>")
                .withProperty("id", i -> i.id().toString()).withProperty("label", i -> t("instances.actions")))
                .setHeader(t("instances.actions")).setAutoWidth(true).setFlexGrow(0);
    }

    /** Does the action, asking first where it needs to (a confirmation, a flavor, a name). */
    private void perform(InstanceView instance, InstanceAction action) {
        String key = action.label();
        switch (action) {
            case START -> run(() -> act(instance, action), t("instances.done." + key, instance.name()));
            case STOP, REBOOT -> confirm(button(key), t("instances.confirm." + key, instance.name()), t("instances.confirmText." + key),
                    () -> run(() -> act(instance, action), t("instances.done." + key, instance.name())));
            case RESIZE -> resize(instance);
            case CREATE_IMAGE -> createImage(instance);
            case DELETE -> confirm(button(key), t("instances.confirm.delete", instance.name()), t("instances.confirmText.delete"),
                    () -> run(() -> administrator ? act(instance, action) : instances.delete(SessionCaller.current(), instance.id()),
                            t("instances.done.delete", instance.name())));
        }
    }

    /** Start, stop or reboot; for an administrator, delete too. */
    private InstanceView act(InstanceView instance, InstanceAction action) {
        return administrator ? instances.administer(SessionCaller.current(), instance.id(), action)
                : instances.act(SessionCaller.current(), instance.id(), action);
    }

    private void resize(InstanceView instance) {
        Select<FlavorView> flavor = new Select<>();
        flavor.setId("resize-flavor");
        flavor.setLabel(t("instances.resizeTo"));
        flavor.setItems(flavors.available(SessionCaller.current()).stream().filter(f -> !f.name().equals(instance.flavor())).toList());
        flavor.setItemLabelGenerator(f -> t("order.flavorLine", f.name(), f.vcpus(), f.memoryMib() / 1024, f.hourlyPrice()));
        ask(InstanceAction.RESIZE, instance, flavor, () -> {
            if (flavor.getValue() != null) {
                run(() -> instances.resize(SessionCaller.current(), instance.id(), flavor.getValue().name()),
                        t("instances.done.resize", instance.name(), flavor.getValue().name()));
            }
        });
    }

    /** ECS's "create custom image": a private image from the stopped instance's disk. */
    private void createImage(InstanceView instance) {
        TextField name = new TextField(t("instances.imageName"));
        name.setId("image-name");
        name.setValue(instance.name() + "-image");
        ask(InstanceAction.CREATE_IMAGE, instance, name, () -> run(() -> instances.createImage(SessionCaller.current(), instance.id(),
                        new NewImage(name.getValue(), null, null, null, null, null, null, null, null)),
                t("instances.done.create-image", instance.name(), name.getValue())));
    }

    /** A dialog that asks what the action needs (the field), and takes it on confirm. */
    private static void ask(InstanceAction action, InstanceView instance, Component field, Runnable onConfirm) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(t("instances.confirm." + action.label(), instance.name()));
        dialog.add(field);
        dialog.setCancelable(true);
        dialog.setCancelText(t("common.cancel"));
        dialog.setConfirmText(button(action.label()));
        dialog.addConfirmListener(yes -> onConfirm.run());
        dialog.open();
    }

    /** A small button, enabled only when the instance's state allows the action; otherwise its tooltip says why not. */
    private Button button(InstanceView instance, InstanceAction action) {
        String key = action.label();
        Button button = new Button(button(key), click -> perform(instance, action));
        button.setId(key + "-" + instance.id());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        if (action == InstanceAction.DELETE) {
            button.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        boolean can = instance.allows(action);
        button.setEnabled(can);
        if (!can) {
            button.setTooltipText(action == InstanceAction.DELETE ? t("instances.why.deleting")
                    : t("instances.why.state", instance.state(), InstanceView.statesAllowing(action).stream()
                    .map(InstanceState::name).collect(java.util.stream.Collectors.joining(" / "))));
        }
        return button;
    }

    private void confirm(String confirmText, String header, String text, Runnable action) {
        ConfirmDialog dialog = new ConfirmDialog(header, text, confirmText, yes -> action.run());
        dialog.setCancelable(true);
        dialog.setCancelText(t("common.cancel"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    /** Runs one service call: success is a notification (the state shows progress), a refusal says why. */
    private static void run(Supplier<?> call, String done) {
        try {
            call.get();
            Notification.show(done);
        } catch (InvalidStateException | InvalidRequestException | QuotaExceededException | NoCapacityException
                 | ImageConflictException | AccessDeniedException refused) {
            Notification error = Notification.show(refused.getMessage(), 8000, Notification.Position.MIDDLE);
            error.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private static String button(String key) {
        return t("instances.action." + key);
    }

    private static String t(String key, Object... parameters) {
        return I18NProvider.translate(key, parameters);
    }
}
