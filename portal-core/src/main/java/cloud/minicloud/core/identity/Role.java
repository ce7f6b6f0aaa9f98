package cloud.minicloud.core.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The roles minicloud understands, by the name Keycloak gives them. {@code cloud-admin} is a realm
 * role; the tenant roles are held per tenant (the group {@code /tenants/<alias>/<role>}).
 */
public enum Role {
    TENANT_USER("tenant-user"),
    TENANT_ADMIN("tenant-admin"),
    CLOUD_ADMIN("cloud-admin");

    private final String realmName;

    Role(String realmName) {
        this.realmName = realmName;
    }

    public String realmName() {
        return realmName;
    }

    public boolean isTenantRole() {
        return this != CLOUD_ADMIN;
    }

    public static Optional<Role> fromRealmName(String name) {
        return Arrays.stream(values()).filter(r -> r.realmName.equals(name)).findFirst();
    }
}
