package cloud.minicloud.core.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A team that owns resources; the same thing as a Keycloak organization, known by its alias. */
@Entity
@Table(name = "tenant")
public class Tenant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, updatable = false)
    private String alias;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "display_name")
    private String displayName;

    private String description;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    protected Tenant() {
    }

    public long id() {
        return id;
    }

    public String alias() {
        return alias;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The name people read: the one a cloud admin gave, else the alias (tenants made by a first sign-in). */
    public String displayName() {
        return displayName == null ? alias : displayName;
    }

    public String description() {
        return description;
    }

    public void describe(TenantProfile profile) {
        displayName = profile.displayName();
        description = profile.description();
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public Instant deletedAt() {
        return deletedAt;
    }

    public void markDeleted(Instant at) {
        deletedAt = at;
    }
}
