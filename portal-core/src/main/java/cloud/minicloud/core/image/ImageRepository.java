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

    /** Where a node's copy of an image stands, for one who wants to make sure it is there. */
    enum TemplateCopy {
        /** The node has no record of the image yet: add it first. */
        NO_RECORD,
        /** The copy was finished before. */
        READY,
        /** Another copier holds an unexpired claim on copying it: wait for it. */
        BEING_COPIED,
        /** The caller now holds the claim on copying it, for the lease given. */
        YOURS
    }

    /**
     * Looks at the node's record of the image under its row lock, and if no one else copies it
     * (or their claim ran out: a copier that died), gives the claim to {@code copier}.
     */
    TemplateCopy claimTemplateCopy(long nodeId, long imageId, String copier, int leaseSeconds);

    /** Extends the copier's claim while it copies; false if the claim is no longer its own. */
    boolean renewTemplateCopy(long nodeId, long imageId, String copier, int leaseSeconds);

    /** The copier's copy is complete: its claim ends and the record says ready; false if the claim was not its own. */
    boolean templateReadyOnNode(long nodeId, long imageId, String copier);

    /** The copier gave up: its claim ends, if it still held it. */
    void templateCopyAbandoned(long nodeId, long imageId, String copier);

    /** A finished copy vanished from the node (removed there): the record no longer says ready. */
    void templateMissingOnNode(long nodeId, long imageId);
}
