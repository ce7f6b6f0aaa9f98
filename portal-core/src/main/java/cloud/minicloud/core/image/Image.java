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

    public ImageView view() {
        return new ImageView(name, ownerTenantId == null ? "public" : "custom", os, osVersion, minDiskGib, minMemoryMib,
                sizeBytes, sha256);
    }
}
