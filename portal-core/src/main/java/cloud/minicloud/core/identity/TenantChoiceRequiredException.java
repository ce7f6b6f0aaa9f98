package cloud.minicloud.core.identity;

import java.util.Set;

/** A member of several tenants called a tenant use case without saying which tenant they act for. */
public class TenantChoiceRequiredException extends RuntimeException {
    public TenantChoiceRequiredException(String username, Set<String> tenants) {
        super(username + " belongs to the tenants " + String.join(", ", tenants)
                + "; name the one you act for (the X-Minicloud-Tenant header on the API, the tenant switcher in the portal)");
    }
}
