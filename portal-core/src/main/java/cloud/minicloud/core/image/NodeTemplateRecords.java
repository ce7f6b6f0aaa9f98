package cloud.minicloud.core.image;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Adds a node's record of an image in a transaction of its own, committed before anyone locks it:
 * inserting and locking a new row in one transaction deadlocked concurrent launches in InnoDB.
 */
@ApplicationScoped
public class NodeTemplateRecords {

    @Inject
    ImageRepository images;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void add(long nodeId, long imageId) {
        images.recordTemplateOnNode(nodeId, imageId);
    }
}
