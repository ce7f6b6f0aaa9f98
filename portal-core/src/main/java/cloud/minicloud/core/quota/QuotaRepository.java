package cloud.minicloud.core.quota;

import java.util.List;
import java.util.Optional;

/** Where quotas are kept. */
public interface QuotaRepository {

    Optional<Quota> find(long tenantId);

    /** The quota, locked until the transaction ends: the only way to change it. */
    Optional<Quota> findForUpdate(long tenantId);

    /** Adds the quota unless the tenant has one already; concurrent calls add it once. */
    void addIfAbsent(Quota quota);

    /** Every tenant's quota, by tenant alias, one page at a time. */
    List<QuotaView> page(int offset, int limit);

    long countTenants();

    /** The tenants (at most {@code max}, by alias) using {@code percent} or more of any limit. */
    List<QuotaView> nearLimit(int percent, int max);
}
