package cloud.minicloud.core.image;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The database side of copying templates to nodes: each step a short transaction of its own, so
 * no transaction or row lock is held while bytes flow to a node. The record is added in a
 * transaction before anyone locks it: inserting and locking a new row in one transaction
 * deadlocked concurrent launches in InnoDB.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class NodeTemplateRecords {

    /** How long a copier's claim holds without news from it; it renews while bytes flow. */
    static final int LEASE_SECONDS = 20;

    @Inject
    ImageRepository images;

    public void add(long nodeId, long imageId) {
        images.recordTemplateOnNode(nodeId, imageId);
    }

    public Image image(long imageId) {
        return images.find(imageId).orElseThrow();
    }

    public ImageRepository.TemplateCopy claim(long nodeId, long imageId, String copier) {
        return images.claimTemplateCopy(nodeId, imageId, copier, LEASE_SECONDS);
    }

    public boolean renew(long nodeId, long imageId, String copier) {
        return images.renewTemplateCopy(nodeId, imageId, copier, LEASE_SECONDS);
    }

    public boolean ready(long nodeId, long imageId, String copier) {
        return images.templateReadyOnNode(nodeId, imageId, copier);
    }

    public void abandoned(long nodeId, long imageId, String copier) {
        images.templateCopyAbandoned(nodeId, imageId, copier);
    }

    public java.util.List<Image> deletedWithTemplateOn(long nodeId) {
        return images.deletedWithTemplateOn(nodeId);
    }

    public void used(long nodeId, long imageId) {
        images.templateUsed(nodeId, imageId);
    }

    public java.util.List<Image> idleOn(long nodeId, java.time.Duration idle) {
        return images.idleTemplatesOn(nodeId, idle);
    }

    public void forget(long nodeId, long imageId) {
        images.forgetTemplateOnNode(nodeId, imageId);
    }

    public void missing(long nodeId, long imageId) {
        images.templateMissingOnNode(nodeId, imageId);
    }
}
