package cloud.minicloud.core.tenant;

import java.util.Optional;

/** Where tenants are kept. */
public interface TenantRepository {

    Optional<Tenant> findByAlias(String alias);

    /**
     * Returns the tenant with this alias, adding it if it is new, and holds a lock on it until the
     * transaction ends, so that concurrent first sign-ins of one tenant's members add it once.
     */
    Tenant enrolAndLock(String alias);
}
