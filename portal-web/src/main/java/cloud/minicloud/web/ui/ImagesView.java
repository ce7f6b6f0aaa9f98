package cloud.minicloud.web.ui;

import cloud.minicloud.core.config.CloudSettings;
import cloud.minicloud.core.identity.Role;
import cloud.minicloud.core.image.ImageService;
import cloud.minicloud.core.image.ImageUploads;
import cloud.minicloud.core.image.ImageView;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The image catalog in the console: public, custom and shared images on three tabs (as in the
 * ECS console), each with its state, the reason a file was rejected and how far a validation has
 * got; an upload form for those who may add images; deactivate, reactivate and delete. Only while
 * an image is being copied or validated does the page poll for its progress.
 */
@Route(value = "images", layout = MainLayout.class)
public class ImagesView extends VerticalLayout implements HasDynamicTitle {

    private static final Set<String> MOVING = Set.of("UPLOADING", "VALIDATING");
    private static final int POLL_MILLIS = 2000;

    private final ImageService images;
    private final ImageUploads uploads;
    private final boolean tenantViewer = SessionCaller.current().tenant().isPresent();
    private final Grid<ImageView> grid = new Grid<>();
    private final Paragraph empty = new Paragraph();
    private final ImageUploadForm form;
    private ImageShelf shelf = ImageShelf.PUBLIC;
    private Registration polling;

    @Inject
    public ImagesView(ImageService images, ImageUploads uploads, CloudSettings settings) {
        this.images = images;
        this.uploads = uploads;
        this.form = new ImageUploadForm(images, uploads, this::refresh);
        add(new H2(getTranslation("images.title")));
        if (SessionCaller.current().has(Role.CLOUD_ADMIN) && !tenantViewer) {
            Paragraph caps = new Paragraph(getTranslation("images.caps", settings.images().maxUploadBytes() >> 30,
                    settings.images().maxVirtualSizeBytes() >> 30));
            caps.setId("image-caps");
            add(caps);
        }
        grid.setId("images");
        grid.addColumn(ImageView::name).setHeader(getTranslation("images.name")).setAutoWidth(true);
        grid.addColumn(i -> i.os() + " " + i.osVersion()).setHeader(getTranslation("images.os"));
        grid.addColumn(ImageView::format).setHeader(getTranslation("images.format"));
        grid.addColumn(i -> i.minDiskGib() + " GiB").setHeader(getTranslation("images.minDisk"));
        grid.addColumn(i -> i.sizeBytes() == 0 ? "" : Math.max(1, i.sizeBytes() >> 20) + " MiB").setHeader(getTranslation("images.size"));
        grid.addComponentColumn(this::state).setHeader(getTranslation("images.state")).setFlexGrow(2);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("images.actions")).setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        empty.setId("images-empty");
        add(ImageShelf.tabs(picked -> {
            shelf = picked;
            refresh();
        }), form, empty, grid);
        // The poll listener lives with the UI: it goes when the page does.
        addAttachListener(attach -> {
            polling = attach.getUI().addPollListener(poll -> refresh());
            pollWhileMoving();
        });
        addDetachListener(detach -> {
            polling.remove();
            detach.getUI().setPollInterval(-1);
        });
        refresh();
    }

    /** Asks the browser back every few seconds only while an image is being copied or validated. */
    private void pollWhileMoving() {
        boolean moving = grid.getListDataView().getItems().anyMatch(i -> MOVING.contains(i.state()) || copying(i));
        getUI().ifPresent(ui -> ui.setPollInterval(moving ? POLL_MILLIS : -1));
    }

    private static boolean copying(ImageView image) {
        return image.state().equals("QUEUED") && image.sourceInstance() != null;
    }

    private Div state(ImageView image) {
        Span state = new Span(getTranslation("images.state." + image.state()));
        state.getElement().getThemeList().add("badge" + switch (image.state()) {
            case "ACTIVE" -> " success";
            case "REJECTED" -> " error";
            case "DEACTIVATED", "QUEUED" -> " contrast";
            default -> "";
        });
        Div cell = new Div(state);
        if (image.progress() != null) {
            cell.add(new Span(" " + Math.round(image.progress() * 100) + " %"));
        }
        if (image.stateReason() != null) {
            Div reason = new Div(image.stateReason());
            reason.getStyle().set("white-space", "normal").set("font-size", "var(--lumo-font-size-s)");
            cell.add(reason);
        }
        cell.setId("state-" + image.name());
        return cell;
    }

    private HorizontalLayout actions(ImageView image) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        actions.getStyle().set("gap", "var(--lumo-space-xs)");
        if (!mayChange(image)) {
            return actions;
        }
        if (image.state().equals("ACTIVE")) {
            actions.add(small("deactivate", image, () -> images.deactivate(SessionCaller.current(), image.id())));
        } else if (image.state().equals("DEACTIVATED")) {
            actions.add(small("reactivate", image, () -> images.reactivate(SessionCaller.current(), image.id())));
        }
        Button delete = small("delete", image, null);
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.addClickListener(click -> {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("images.deleteTitle", image.name()),
                    getTranslation("images.deleteText"), getTranslation("images.action.delete"),
                    yes -> run(() -> uploads.delete(SessionCaller.current(), image.id()), getTranslation("images.done.delete", image.name())));
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("common.cancel"));
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        actions.add(delete);
        return actions;
    }

    /** Whether the viewer may change the image: a cloud admin any public one, a tenant admin the tenant's own. */
    private boolean mayChange(ImageView image) {
        return image.visibility().equals("public")
                ? SessionCaller.current().has(Role.CLOUD_ADMIN)
                : SessionCaller.current().has(Role.CLOUD_ADMIN) && !tenantViewer || image.own() && SessionCaller.current().has(Role.TENANT_ADMIN);
    }

    private Button small(String action, ImageView image, Supplier<ImageView> call) {
        Button button = new Button(getTranslation("images.action." + action));
        button.setId(action + "-" + image.name());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        if (call != null) {
            button.addClickListener(click -> run(call, getTranslation("images.done." + action, image.name())));
        }
        return button;
    }

    /** Runs one catalog call: success is a notification, a refusal says why. */
    private void run(Supplier<ImageView> call, String done) {
        try {
            call.get();
            Notification.show(done);
        } catch (RuntimeException refused) {
            Notification error = Notification.show(refused.getMessage(), 8000, Notification.Position.MIDDLE);
            error.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    private void refresh() {
        List<ImageView> shown = shelf.of(images.catalog(SessionCaller.current()), tenantViewer).stream().map(uploads::withProgress).toList();
        grid.setItems(shown);
        grid.setVisible(!shown.isEmpty());
        empty.setText(getTranslation("images.empty." + shelf.name().toLowerCase(java.util.Locale.ROOT)));
        empty.setVisible(shown.isEmpty());
        form.setVisible(form.mayUpload(shelf));
        pollWhileMoving();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("images.title") + " · minicloud";
    }
}
