package cloud.minicloud.core.image;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An image: public (no owner) or one tenant's custom image. It is registered first, its file
 * arrives next and is validated; only an ACTIVE image has a template nodes copy and boot from.
 */
@Entity
@Table(name = "image")
public class Image {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private ImageState state = ImageState.ACTIVE;

    @Column(name = "state_reason")
    private String stateReason;

    @Column(name = "disk_format")
    private String diskFormat = "qcow2";

    private String architecture = "x86_64";

    @Column(name = "expected_sha256")
    private String expectedSha256;

    @Column(name = "upload_sha256")
    private String uploadSha256;

    @Column(name = "uploaded_bytes")
    private long uploadedBytes;

    /** The image storage its tenant's quota is charged for it, in GiB (none for a public image). */
    @Column(name = "charged_gib")
    private long chargedGib;

    @Column(name = "owner_tenant_id")
    private Long ownerTenantId;

    private String os;

    @Column(name = "os_version")
    private String osVersion;

    @Column(name = "min_disk_gib")
    private int minDiskGib;

    @Column(name = "min_memory_mib")
    private int minMemoryMib;

    @Column(name = "virtual_size_bytes")
    private long virtualSizeBytes;

    @Column(name = "size_bytes")
    private long sizeBytes;

    private String sha256;

    private String location;

    /** The instance whose disk it is made from, where it is. */
    @Column(name = "source_instance_id", updatable = false)
    private String sourceInstanceId;

    @Column(name = "created_at", insertable = false, updatable = false)
    private Instant createdAt;

    protected Image() {
    }

    /** A public image, from a file that passed inspection. */
    public static Image publicImage(String name, String os, String osVersion, int minDiskGib, int minMemoryMib,
                                    long virtualSizeBytes, long sizeBytes, String sha256, String location) {
        Image image = queued(name, null, os, osVersion, "qcow2", "x86_64", minDiskGib, minMemoryMib, null);
        image.accepted(location, sha256, virtualSizeBytes, sizeBytes, minDiskGib);
        return image;
    }

    /** An image whose file is still to come: a tenant's ({@code ownerTenantId}) or public (null). */
    public static Image queued(String name, Long ownerTenantId, String os, String osVersion, String diskFormat,
                               String architecture, int minDiskGib, int minMemoryMib, String expectedSha256) {
        Image image = new Image();
        image.name = name;
        image.ownerTenantId = ownerTenantId;
        image.os = os;
        image.osVersion = osVersion;
        image.diskFormat = diskFormat;
        image.architecture = architecture;
        image.minDiskGib = minDiskGib;
        image.minMemoryMib = minMemoryMib;
        image.expectedSha256 = expectedSha256;
        image.state = ImageState.QUEUED;
        return image;
    }

    /** An image to be made from the disk of a tenant's instance (ECS's CreateImage). */
    static Image fromInstance(String name, long ownerTenantId, java.util.UUID instance, String os, String osVersion,
                              int minMemoryMib) {
        Image image = queued(name, ownerTenantId, os, osVersion, "qcow2", "x86_64", 0, minMemoryMib, null);
        image.sourceInstanceId = instance.toString();
        image.stateReason = "waiting for the disk of its instance to be copied";
        return image;
    }

    /** The instance whose disk it is made from: its CREATE_IMAGE task brings the file. */
    public java.util.Optional<java.util.UUID> sourceInstance() {
        return java.util.Optional.ofNullable(sourceInstanceId).map(java.util.UUID::fromString);
    }

    void uploading() {
        state = ImageState.UPLOADING;
        stateReason = null;
    }

    /** The upload stopped short: the image waits for its file again, saying what happened. */
    void uploadCut(String why) {
        state = ImageState.QUEUED;
        stateReason = why + "; upload the file again, or delete the image";
    }

    void validating(long bytes, String sha256) {
        state = ImageState.VALIDATING;
        uploadedBytes = bytes;
        uploadSha256 = sha256;
        stateReason = null;
    }

    /** Validated: its template is at {@code location}; the minimum disk grows to what the image needs. */
    void accepted(String location, String templateSha256, long virtualSize, long templateBytes, long neededDiskGib) {
        state = ImageState.ACTIVE;
        stateReason = null;
        this.location = location;
        sha256 = templateSha256;
        virtualSizeBytes = virtualSize;
        sizeBytes = templateBytes;
        minDiskGib = (int) Math.max(minDiskGib, neededDiskGib);
    }

    void rejected(String why) {
        state = ImageState.REJECTED;
        stateReason = why;
        location = null;
    }

    void deactivated() {
        state = ImageState.DEACTIVATED;
    }

    void reactivated() {
        state = ImageState.ACTIVE;
    }

    /** New facts about it; what is null stays. The minimum disk never drops below what its file needs. */
    void describe(String newName, String newOs, String newOsVersion, Integer newMinDiskGib, Integer newMinMemoryMib) {
        if (newName != null) {
            name = newName;
        }
        if (newOs != null) {
            os = newOs;
        }
        if (newOsVersion != null) {
            osVersion = newOsVersion;
        }
        if (newMinDiskGib != null) {
            long needed = (virtualSizeBytes + (1L << 30) - 1) >> 30;
            minDiskGib = (int) Math.max(needed, newMinDiskGib);
        }
        if (newMinMemoryMib != null) {
            minMemoryMib = newMinMemoryMib;
        }
    }

    void charged(long gib) {
        chargedGib = gib;
    }

    /** What its tenant's quota holds for it: the image itself and the storage charged. */
    cloud.minicloud.core.quota.ResourceAmounts quotaHeld() {
        return cloud.minicloud.core.quota.ResourceAmounts.image(chargedGib);
    }

    long chargedGib() {
        return chargedGib;
    }

    void deleted() {
        state = ImageState.DELETED;
        location = null;
    }

    public ImageState state() {
        return state;
    }

    public java.util.Optional<Long> ownerTenantId() {
        return java.util.Optional.ofNullable(ownerTenantId);
    }

    String os() {
        return os;
    }

    String osVersion() {
        return osVersion;
    }

    String diskFormat() {
        return diskFormat;
    }

    String expectedSha256() {
        return expectedSha256;
    }

    String uploadSha256() {
        return uploadSha256;
    }

    /** Takes the facts of a rebuilt file of a bundled image; answers whether anything changed. */
    boolean rebuiltAs(cloud.minicloud.image.ImageFacts facts) {
        if (facts.sha256().equals(sha256)) {
            return false;
        }
        minDiskGib = (int) facts.minDiskGib();
        virtualSizeBytes = facts.virtualSizeBytes();
        sizeBytes = facts.fileSizeBytes();
        sha256 = facts.sha256();
        return true;
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public int minDiskGib() {
        return minDiskGib;
    }

    public int minMemoryMib() {
        return minMemoryMib;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public String sha256() {
        return sha256;
    }

    /** Where the validated file is kept on the control plane, to be copied to nodes. */
    public String location() {
        return location;
    }

    /**
     * Its name as a template on every node: by content, so the same file is one template however
     * many control planes or databases share a node, and a name never stands for other bytes.
     */
    public String templateName() {
        return "sha256-" + sha256.substring(0, 24);
    }

    /**
     * As shown, {@code shared} saying whether its tenant shares it with others, {@code own}
     * whether it is the viewer's tenant's.
     */
    ImageView view(boolean shared, boolean own) {
        String visibility = ownerTenantId == null ? "public" : shared ? "shared" : "private";
        return new ImageView(id, name, visibility, state.name(), stateReason, os,
                osVersion, diskFormat, architecture, minDiskGib, minMemoryMib, virtualSizeBytes, sizeBytes, sha256,
                uploadSha256, sourceInstanceId, own, createdAt, null);
    }
}
