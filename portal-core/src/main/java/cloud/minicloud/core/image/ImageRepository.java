package cloud.minicloud.core.image;

import java.util.List;
import java.util.Optional;

/** Where images are kept. */
public interface ImageRepository {

    /** The ACTIVE images a tenant may launch from (public, its own, and shared with it), by name. */
    List<Image> visibleTo(long tenantId);

    /** The ACTIVE public images, by name. */
    List<Image> publicImages();

    /** The public image of that name that is not deleted, whatever its state. */
    Optional<Image> publicImage(String name);

    /**
     * Images in the catalog (not deleted) in any state, newest first: the public ones, the
     * tenant's and those shared with it, or, for a null tenant, every image of the cloud.
     */
    List<Image> catalog(Long tenantId);

    /** Whether an image that is not deleted has this name in the scope (a tenant, or public for null). */
    boolean nameTaken(Long ownerTenantId, String name);

    /** How many instances that are not deleted were launched from the image. */
    long instancesUsing(long imageId);

    /** Images left in a state a server works through, for a restarted server to take up. */
    List<Image> inState(ImageState state);

    void add(Image image);

    /** Shares the image with the tenant; sharing twice changes nothing. */
    void share(long imageId, long tenantId);

    void unshare(long imageId, long tenantId);

    /** Which of these images are shared with some tenant. */
    java.util.Set<Long> sharedAmong(java.util.Collection<Long> imageIds);

    /** The ids of the tenants the image is shared with. */
    java.util.List<Long> sharedWith(long imageId);

    /** An ACTIVE image the tenant may launch (public, its own, shared with it), by name; its own first. */
    Optional<Image> visibleByName(long tenantId, String name);

    Optional<Image> find(long id);

    /**
     * The image, its row locked until the transaction ends and its state read afresh: every
     * change of an image's state takes this first (then, if at all, its tenant's quota row).
     */
    Optional<Image> findForUpdate(long id);

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

    /**
     * Deleted images whose template the node still holds (by the records), unless a live image
     * has the same content and so the same template.
     */
    List<Image> deletedWithTemplateOn(long nodeId);

    /** The nodes that hold the image as a template, ready to use. */
    java.util.Set<Long> nodesWithTemplate(long imageId);

    /** A launch is about to use the node's template of the image. */
    void templateUsed(long nodeId, long imageId);

    /**
     * The images whose template is complete on the node and was not used for {@code idle},
     * least recently used first (never used counts as oldest).
     */
    List<Image> idleTemplatesOn(long nodeId, java.time.Duration idle);

    /** The node's template of the image is gone: its record goes too. */
    void forgetTemplateOnNode(long nodeId, long imageId);

    /** A finished copy vanished from the node (removed there): the record no longer says ready. */
    void templateMissingOnNode(long nodeId, long imageId);
}
