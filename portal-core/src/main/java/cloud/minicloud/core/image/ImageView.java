package cloud.minicloud.core.image;

import java.time.Instant;

/**
 * An image as the console and the API show it.
 *
 * @param visibility   public (every tenant), private (its tenant's) or shared (its tenant's, and
 *                     launched by the tenants it is shared with)
 * @param state        QUEUED, UPLOADING, VALIDATING, ACTIVE or REJECTED
 * @param stateReason  for REJECTED why, for a QUEUED image whose upload was cut off what happened
 * @param sha256       of the template instances boot from, once ACTIVE
 * @param uploadSha256 of the file as uploaded (what an uploader compares with their own)
 * @param sourceInstance the instance whose disk it was made from, if it was
 * @param own          whether it is the caller's tenant's image (not public, not shared with it by another)
 * @param progress     while VALIDATING (or copying an instance's disk), how far it has got (0 to 1), where this
 *                     server does it
 */
public record ImageView(long id, String name, String visibility, String state, String stateReason, String os,
                        String osVersion, String format, String architecture, int minDiskGib, int minMemoryMib,
                        long virtualSizeBytes, long sizeBytes, String sha256, String uploadSha256,
                        String sourceInstance, boolean own, Instant createdAt,
                        Double progress) {

    public ImageView withProgress(Double done) {
        return new ImageView(id, name, visibility, state, stateReason, os, osVersion, format, architecture, minDiskGib,
                minMemoryMib, virtualSizeBytes, sizeBytes, sha256, uploadSha256, sourceInstance, own, createdAt, done);
    }
}
