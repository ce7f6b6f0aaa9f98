package cloud.minicloud.web.ui;

import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.identity.Role;
import cloud.minicloud.core.image.ImageService;
import cloud.minicloud.core.image.ImageUploads;
import cloud.minicloud.core.image.ImageView;
import cloud.minicloud.core.image.NewImage;
import cloud.minicloud.image.DiskFormat;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadFormat;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Uploading an image from the browser: what the image is (name, OS, version, format, minimum
 * memory), then its file, streamed straight into the catalog (Glance's two steps in one go).
 * The upload field shows the transfer's progress and lets it be cancelled; a cancelled or
 * refused upload leaves the image saying so, in the list.
 */
final class ImageUploadForm extends HorizontalLayout {

    private final ImageService images;
    private final ImageUploads uploads;
    private final Runnable changed;
    private final TextField name = new TextField();
    private final TextField os = new TextField();
    private final TextField version = new TextField();
    private final Select<String> format = new Select<>();
    private final IntegerField minMemory = new IntegerField();
    /** What the fields say, read on the UI thread: the upload itself runs on a request thread of its own. */
    private volatile NewImage described;
    private volatile boolean publicImage;

    ImageUploadForm(ImageService images, ImageUploads uploads, Runnable changed) {
        this.images = images;
        this.uploads = uploads;
        this.changed = changed;
        field(name, "image-name", "images.name");
        field(os, "image-os", "images.osName");
        field(version, "image-version", "images.osVersion");
        format.setId("image-format");
        format.setLabel(t("images.format"));
        format.setItems(Arrays.stream(DiskFormat.values()).map(DiskFormat::apiName).toList());
        format.setValue(DiskFormat.QCOW2.apiName());
        format.addValueChangeListener(change -> describe());
        minMemory.setId("image-min-memory");
        minMemory.setLabel(t("images.minMemory"));
        minMemory.setMin(0);
        minMemory.setValue(512);
        minMemory.setSuffixComponent(new com.vaadin.flow.component.html.Span("MiB"));
        minMemory.addValueChangeListener(change -> describe());
        Upload upload = new Upload(new Receiving());
        upload.setId("image-upload");
        upload.setUploadFormat(UploadFormat.RAW);
        upload.setMaxFiles(1);
        upload.addAllFinishedListener(done -> {
            upload.clearFileList();
            name.clear();
            changed.run();
        });
        add(name, os, version, format, minMemory, upload);
        setAlignItems(FlexComponent.Alignment.BASELINE);
        getStyle().set("flex-wrap", "wrap");
        describe();
    }

    /** Whether the viewer adds images to this shelf: cloud admins public ones, tenant admins their tenant's. */
    boolean mayUpload(ImageShelf shelf) {
        publicImage = shelf == ImageShelf.PUBLIC;
        describe();
        return switch (shelf) {
            case PUBLIC -> SessionCaller.current().has(Role.CLOUD_ADMIN);
            case CUSTOM -> SessionCaller.current().tenant().isPresent() && SessionCaller.current().has(Role.TENANT_ADMIN);
            case SHARED -> false;
        };
    }

    private void field(TextField field, String id, String label) {
        field.setId(id);
        field.setLabel(t(label));
        field.setMaxLength(64);
        field.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
        field.addValueChangeListener(change -> describe());
    }

    private void describe() {
        described = new NewImage(blankToNull(name.getValue()), blankToNull(os.getValue()), blankToNull(version.getValue()),
                format.getValue(), null, null, minMemory.getValue(), publicImage ? "public" : "private", null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Registers the image as the fields describe it and streams the file into it. */
    private final class Receiving implements UploadHandler {
        @Override
        public void handleUploadRequest(UploadEvent event) throws IOException {
            UI ui = event.getUI();
            // Uploads run without the session's lock, which reading the caller needs.
            AtomicReference<Caller> caller = new AtomicReference<>();
            ui.accessSynchronously(() -> caller.set(SessionCaller.current()));
            ImageView image;
            try {
                image = images.register(caller.get(), described);
            } catch (RuntimeException refused) {
                event.reject(refused.getMessage());
                ui.access(() -> error(refused.getMessage()));
                return;
            }
            try {
                ImageView received = uploads.receive(caller.get(), image.id(), event.getInputStream());
                ui.access(() -> Notification.show(t("images.uploaded", received.name(), t("images.state." + received.state()))));
            } catch (RuntimeException cut) {
                ui.access(() -> error(cut.getMessage()));
            }
        }
    }

    private static void error(String message) {
        Notification error = Notification.show(message, 8000, Notification.Position.MIDDLE);
        error.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private static String t(String key, Object... parameters) {
        return I18NProvider.translate(key, parameters);
    }
}
