package cloud.minicloud.core.image;

/** Where an image stands, from its metadata to a template anyone may boot. */
public enum ImageState {
    /** Registered; its file has not arrived (or the last upload was cut off: the reason says so). */
    QUEUED,
    /** Its file is arriving. */
    UPLOADING,
    /** Its file arrived and is being inspected and converted. */
    VALIDATING,
    /** Validated: instances may be launched from it. */
    ACTIVE,
    /** Taken out of service by its admins: no new launches, instances launched from it keep running. */
    DEACTIVATED,
    /** Refused: the reason says why; it can only be deleted. */
    REJECTED,
    /** Gone from the catalog; the row stays for the instances of the past that name it. */
    DELETED
}
