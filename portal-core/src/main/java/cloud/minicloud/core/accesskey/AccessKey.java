package cloud.minicloud.core.accesskey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A user's AccessKey pair for the ECS-compatible API: the id names it in each request, the secret
 * (kept sealed) signs them. It acts for its user in the tenant they acted for when they made it,
 * with the roles they hold at the time of each call.
 */
@Entity
@Table(name = "access_key")
public class AccessKey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;

    @Column(name = "key_id")
    private String keyId;

    private String username;

    @Column(name = "tenant_alias")
    private String tenantAlias;

    /** Which of its user's active slots the key holds; null while it is disabled. */
    @Column(name = "active_slot")
    private Integer activeSlot;

    @Column(name = "sealed_secret")
    private byte[] sealedSecret;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected AccessKey() {
    }

    AccessKey(String keyId, String username, String tenantAlias, int activeSlot, byte[] sealedSecret, Instant createdAt) {
        this.keyId = keyId;
        this.username = username;
        this.tenantAlias = tenantAlias;
        this.activeSlot = activeSlot;
        this.sealedSecret = sealedSecret.clone();
        this.createdAt = createdAt;
    }

    public long id() {
        return id;
    }

    public String keyId() {
        return keyId;
    }

    public String username() {
        return username;
    }

    /** The tenant the key acts for; null for a cloud admin's cloud-wide key. */
    public String tenantAlias() {
        return tenantAlias;
    }

    public boolean active() {
        return activeSlot != null;
    }

    Integer activeSlot() {
        return activeSlot;
    }

    byte[] sealedSecret() {
        return sealedSecret.clone();
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public AccessKeyView view() {
        return new AccessKeyView(keyId, username, tenantAlias, active() ? AccessKeyView.ACTIVE : AccessKeyView.DISABLED,
                createdAt, lastUsedAt);
    }
}
