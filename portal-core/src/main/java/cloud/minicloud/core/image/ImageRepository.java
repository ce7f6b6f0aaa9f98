package cloud.minicloud.core.image;

import java.util.List;
import java.util.Optional;

/** Where images are kept. */
public interface ImageRepository {

    /** Public images and those of the tenant, by name. */
    List<Image> visibleTo(long tenantId);

    List<Image> publicImages();

    Optional<Image> publicImage(String name);

    void add(Image image);
}
