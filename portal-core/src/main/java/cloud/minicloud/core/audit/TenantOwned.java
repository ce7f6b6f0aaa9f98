package cloud.minicloud.core.audit;

/**
 * What an {@link Audited} use case returns when it belongs to a tenant: a cloud admin acting on it
 * from outside that tenant is recorded under that tenant, so its admins read what was done.
 */
public interface TenantOwned {

    /** The owning tenant's alias. */
    String tenant();
}
