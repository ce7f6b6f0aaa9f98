package cloud.minicloud.core.image;

import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.quota.TenantEnrolment;
import cloud.minicloud.image.ImageFacts;
import cloud.minicloud.image.ImageInspector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/** The images a caller may launch from, and the publishing of images that come with the cloud. */
@ApplicationScoped
@Transactional
public class ImageService {

    private static final Logger LOG = Logger.getLogger(ImageService.class.getName());

    @Inject
    ImageRepository images;

    @Inject
    TenantEnrolment enrolment;

    /** Public images, and the caller's tenant's own. */
    public List<ImageView> available(Caller caller) {
        List<Image> visible = caller.tenant().isPresent()
                ? images.visibleTo(enrolment.tenantOf(caller).id())
                : images.publicImages();
        return visible.stream().map(Image::view).toList();
    }

    /**
     * Publishes an image file that ships with the cloud (deploy's tiny-linux), once: the file is
     * inspected like any upload, and an image of that name already published is left alone.
     */
    public void publishBundled(String name, Path file, String os, String osVersion, int minMemoryMib) throws IOException {
        ImageFacts facts = ImageInspector.inspect(file);
        Optional<Image> published = images.publicImage(name);
        if (published.isPresent()) {
            // deploy rebuilt the file: new bytes, so a new template on the nodes (named by checksum)
            if (published.get().rebuiltAs(facts)) {
                LOG.info(() -> "image " + name + " was rebuilt (sha256 " + facts.sha256() + ")");
            }
            return;
        }
        images.add(Image.publicImage(name, os, osVersion, (int) facts.minDiskGib(), minMemoryMib,
                facts.virtualSizeBytes(), facts.fileSizeBytes(), facts.sha256(), file.toString()));
        LOG.info(() -> "published image " + name + " from " + file + " (sha256 " + facts.sha256() + ")");
    }
}
