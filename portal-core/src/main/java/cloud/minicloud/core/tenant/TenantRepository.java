package cloud.minicloud.core.tenant;

import java.util.Optional;

/** Where tenants are kept. */
public interface TenantRepository {

    Optional<Tenant> findByAlias(String alias);

    Optional<Tenant> find(long id);

    /** The tenants with these ids, by id, in one read (reports across many tenants). */
    java.util.Map<Long, Tenant> findAll(java.util.Collection<Long> ids);

    /**
     * Returns the tenant with this alias, adding it if it is new. Concurrent first sign-ins of one
     * tenant's members add it once, without failing.
     */
    Tenant enrol(String alias);
}
