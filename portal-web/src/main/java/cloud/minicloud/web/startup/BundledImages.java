package cloud.minicloud.web.startup;

import cloud.minicloud.core.config.CloudSettings;
import cloud.minicloud.core.image.ImageService;
import cloud.minicloud.core.image.ImageUploads;
import cloud.minicloud.image.ImageInspector;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publishes the images deploy/ built for this cloud (MINICLOUD_IMAGES, e.g. tiny-linux) once the
 * schema is in place, and takes up uploads a previous run of the server left halfway. Without the
 * variable there is nothing to publish.
 */
@ApplicationScoped
public class BundledImages {

    private static final Logger LOG = Logger.getLogger(BundledImages.class.getName());

    @Inject
    ImageService images;

    @Inject
    CloudSettings settings;

    @Inject
    ImageUploads uploads;

    void publishOnStartup(@Observes @Priority(SchemaMigration.ORDER + 1) @Initialized(ApplicationScoped.class) Object started) {
        uploads.resume();
        String dir = settings.imagesDir();
        if (dir == null) {
            return;
        }
        Path tiny = Path.of(dir, "tiny-linux.qcow2");
        if (!Files.isRegularFile(tiny)) {
            LOG.warning(() -> "no " + tiny + ": the public image tiny-linux is not published");
            return;
        }
        try {
            images.publishBundled("tiny-linux", tiny, ImageInspector.inspect(tiny), "Linux", "tiny (busybox, Debian kernel)", 128);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "could not publish " + tiny, e);
        }
    }
}
