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

    /** A public image or one of the tenant's, by name. */
    Optional<Image> visibleByName(long tenantId, String name);

    Optional<Image> find(long id);

    /** Adds the node's record of the image unless it exists; concurrent calls add it once. */
    void recordTemplateOnNode(long nodeId, long imageId);

    /**
     * Locks the node's record of the image (which must exist) while a template is copied to the
     * node, and answers whether the copy was finished before.
     */
    boolean lockTemplateOnNode(long nodeId, long imageId);

    void templateReadyOnNode(long nodeId, long imageId);
}
