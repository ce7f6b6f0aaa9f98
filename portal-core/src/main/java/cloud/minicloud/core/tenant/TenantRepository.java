package cloud.minicloud.core.tenant;

import java.util.Optional;

/** Where tenants are kept. */
public interface TenantRepository {

    Optional<Tenant> findByAlias(String alias);

    Optional<Tenant> find(long id);

    /**
     * Returns the tenant with this alias, adding it if it is new. Concurrent first sign-ins of one
     * tenant's members add it once, without failing.
     */
    Tenant enrol(String alias);
}
