package cloud.minicloud.core.image;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A validated qcow2 template: public (no owner) or one tenant's custom image. */
@Entity
@Table(name = "image")
public class Image {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

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

    @Column(name = "created_at", insertable = false, updatable = false)
    private Instant createdAt;

    protected Image() {
    }

    /** A public image, from a file that passed inspection. */
    public static Image publicImage(String name, String os, String osVersion, int minDiskGib, int minMemoryMib,
                                    long virtualSizeBytes, long sizeBytes, String sha256, String location) {
        Image image = new Image();
        image.name = name;
        image.os = os;
        image.osVersion = osVersion;
        image.minDiskGib = minDiskGib;
        image.minMemoryMib = minMemoryMib;
        image.virtualSizeBytes = virtualSizeBytes;
        image.sizeBytes = sizeBytes;
        image.sha256 = sha256;
        image.location = location;
        return image;
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

    public ImageView view() {
        return new ImageView(name, ownerTenantId == null ? "public" : "custom", os, osVersion, minDiskGib, minMemoryMib,
                sizeBytes, sha256);
    }
}
