package cloud.minicloud.core.image;

import cloud.minicloud.core.audit.Audited;
import cloud.minicloud.core.InvalidRequestException;
import cloud.minicloud.core.config.CloudSettings;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.image.ImageLimits;
import cloud.minicloud.image.InvalidImageException;
import cloud.minicloud.image.conversion.ImageValidation;
import cloud.minicloud.image.store.ImageStore;
import cloud.minicloud.hypervisor.HypervisorDriver;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves image files, never inside a transaction: an upload is streamed to the store (state
 * UPLOADING), then validated and converted on a managed thread (VALIDATING) into an ACTIVE or
 * REJECTED image. Each state change is its own short transaction in {@link ImageService}.
 */
@ApplicationScoped
public class ImageUploads {

    private static final Logger LOG = Logger.getLogger(ImageUploads.class.getName());

    @Inject
    ImageService service;

    @Inject
    CloudSettings settings;

    @Resource
    ManagedExecutorService executor;

    private ImageStore store;
    private final ImageValidation validation = new ImageValidation();
    /** How far each validation running here has got, 0 to 1, for the catalog to show. */
    private final Map<Long, Double> progress = new ConcurrentHashMap<>();

    /** The store, opened on first use: its directory is made then. */
    private synchronized ImageStore store() {
        if (store == null) {
            try {
                store = new ImageStore(Path.of(settings.images().storeDir()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot use the image store " + settings.images().storeDir()
                        + ": make it writable for the portal or set MINICLOUD_IMAGE_STORE", e);
            }
        }
        return store;
    }

    /**
     * Glance's second step: streams the body into the store and starts validating it. A body cut
     * off or over the limit leaves no file; the image says what happened.
     */
    @Audited
    public ImageView receive(Caller caller, long id, InputStream body) {
        ImageService.UploadTicket ticket = service.startUpload(caller, id);
        ImageStore.Received received;
        long limit = Math.min(settings.images().maxUploadBytes(), ticket.storageLeft());
        try {
            received = store().receive(id, body, limit);
        } catch (ImageStore.TooLargeException tooLarge) {
            service.rejected(id, tooLarge(limit));
            return service.get(caller, id);
        } catch (IOException | RuntimeException cut) {
            LOG.log(Level.INFO, "upload of image " + id + " stopped short", cut);
            String why = cut instanceof ImageStore.CutOffException off ? off.getMessage()
                    : "the upload failed (" + cut.getMessage() + ")";
            service.uploadCut(id, why);
            // The client's doing (it went away), not the server's: a refusal, not an incident.
            throw new InvalidRequestException(why + "; send the file again");
        }
        if (service.uploaded(id, received.bytes(), received.sha256())) {
            validateLater(ticket.imageId());
        } else {
            store().discardUploadQuietly(id);
        }
        return withProgress(service.get(caller, id));
    }

    private String tooLarge(long limit) {
        return limit < settings.images().maxUploadBytes()
                ? "the file is larger than your tenant's image storage quota leaves (" + (limit >> 30)
                        + " GiB): delete other images or ask a cloud admin for more"
                : "the file is larger than this cloud takes (" + (limit >> 20) + " MiB; a cloud admin sets the limit)";
    }

    /**
     * The CREATE_IMAGE task's step: the instance's disk, flattened on its node, becomes the image's
     * upload and is then validated like any upload, on its own thread (the instance is free once its
     * disk is copied). Run again after a crash cut it short; does nothing once the copy is done.
     * A node that fails throws, for the task to retry; the image stays UPLOADING meanwhile.
     */
    public void copyFromInstance(long id, UUID instance, HypervisorDriver node) {
        ImageService.UploadTicket ticket = service.startCopy(id).orElse(null);
        if (ticket == null) {
            return;
        }
        long limit = Math.min(settings.images().maxUploadBytes(), ticket.storageLeft());
        ImageStore.Received received;
        progress.put(id, 0.0);
        try {
            received = store().write(id, limit, out -> node.exportSystemDisk(instance, out,
                    (done, total) -> progress.put(id, total == 0 ? 0.0 : (double) done / total)));
        } catch (ImageStore.TooLargeException tooLarge) {
            service.copyFailed(id, tooLarge(limit));
            return;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the image store " + settings.images().storeDir(), e);
        } finally {
            progress.remove(id);
        }
        if (service.uploaded(id, received.bytes(), received.sha256())) {
            validateLater(id);
        } else {
            store().discardUploadQuietly(id);
        }
    }

    /** The CREATE_IMAGE task gave up: the image is REJECTED saying why, and what was copied goes. */
    public void copyFailed(long id, String why) {
        service.copyFailed(id, why);
        store().discardUploadQuietly(id);
    }

    /** Deletes the image from the catalog, then its files. */
    @Audited
    public ImageView delete(Caller caller, long id) {
        ImageView deleted = service.delete(caller, id);
        try {
            store().discard(id);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not remove the files of deleted image " + id, e);
        }
        return deleted;
    }

    private void discardTemplate(long id) {
        try {
            Files.deleteIfExists(store().template(id));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not remove the template of refused image " + id, e);
        }
    }

    /** The image as shown, with how far its validation has got where this server runs it. */
    public ImageView withProgress(ImageView image) {
        return image.withProgress(progress.get(image.id()));
    }

    /**
     * After a restart: uploads the crash cut off wait for their file again (copies from an
     * instance are their task's to run again); validations it interrupted start over.
     */
    public void resume() {
        for (Image image : service.inState(ImageState.UPLOADING)) {
            if (image.sourceInstance().isEmpty()) {
                store().discardUploadQuietly(image.id());
                service.uploadCut(image.id(), "the server restarted during the upload");
            }
        }
        for (Image image : service.inState(ImageState.VALIDATING)) {
            validateLater(image.id());
        }
    }

    private void validateLater(long id) {
        Executor runner = executor == null ? Runnable::run : executor;
        runner.execute(() -> validate(id));
    }

    /** Inspects, checks and converts the upload; the image ends ACTIVE or REJECTED with the reason. */
    void validate(long id) {
        ImageService.UploadTicket ticket = service.toValidate(id).orElse(null);
        if (ticket == null) {
            return;
        }
        Path upload = store().upload(id);
        progress.put(id, 0.0);
        try {
            if (!Files.exists(upload)) {
                service.rejected(id, "the uploaded file is gone (removed from the store): upload it again as a new image");
                return;
            }
            if (ticket.expectedSha256() != null && !ticket.expectedSha256().equals(ticket.uploadSha256())) {
                service.rejected(id, "the file's SHA-256 is " + ticket.uploadSha256() + ", not the expected " + ticket.expectedSha256()
                        + ": it was damaged or is another file");
                return;
            }
            ImageValidation.Template template = validation.validate(upload, ticket.format(),
                    new ImageLimits(settings.images().maxVirtualSizeBytes()), store().template(id), done -> progress.put(id, done));
            if (service.accepted(id, template.file(), template.sha256(), template.virtualSizeBytes(), template.sizeBytes(),
                    template.minDiskGib())) {
                LOG.info(() -> "image " + id + " validated: template " + template.file() + " sha256 " + template.sha256());
            } else {
                discardTemplate(id);
            }
        } catch (InvalidImageException refused) {
            service.rejected(id, refused.getMessage());
            discardTemplate(id);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "validating image " + id + " failed", e);
            service.rejected(id, "validating the image failed on the server (" + cloud.minicloud.core.FailureText.of(e)
                    + "); upload it again, "
                    + "and if it fails again give the image id to a cloud admin");
            discardTemplate(id);
        } finally {
            progress.remove(id);
            store().discardUploadQuietly(id);
        }
    }
}
