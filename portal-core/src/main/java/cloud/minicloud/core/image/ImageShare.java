package cloud.minicloud.core.image;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** One tenant an image is shared with: it may launch the image, not change it. */
@Entity
@Table(name = "image_share")
@IdClass(ImageShare.Key.class)
public class ImageShare {

    @Id
    @Column(name = "image_id")
    private long imageId;

    @Id
    @Column(name = "tenant_id")
    private long tenantId;

    protected ImageShare() {
    }

    public ImageShare(long imageId, long tenantId) {
        this.imageId = imageId;
        this.tenantId = tenantId;
    }

    public long tenantId() {
        return tenantId;
    }

    /** The composite key JPA asks for (a plain class: what every JPA provider instantiates). */
    public static class Key implements Serializable {
        private long imageId;
        private long tenantId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.imageId == imageId && key.tenantId == tenantId;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(imageId, tenantId);
        }
    }
}
