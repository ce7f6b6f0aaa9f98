package cloud.minicloud.core.audit;

/**
 * What an {@link Audited} use case returns when it belongs to a tenant: a cloud admin acting on it
 * (for no tenant of their own) is recorded under that tenant too, so its admins read what was done.
 */
public interface TenantOwned {

    /** The owning tenant's alias. */
    String tenant();
}
