package cloud.minicloud.core.quota;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Quotas in memory; "locking" is the caller's business (tests run one order at a time). */
public class MemoryQuotaRepository implements QuotaRepository {

    private final Map<Long, Quota> quotas = new ConcurrentHashMap<>();

    @Override
    public Optional<Quota> find(long tenantId) {
        return Optional.ofNullable(quotas.get(tenantId));
    }

    @Override
    public Optional<Quota> findForUpdate(long tenantId) {
        return find(tenantId);
    }

    @Override
    public void addIfAbsent(Quota quota) {
        quotas.putIfAbsent(quota.tenantId(), quota);
    }

    @Override
    public List<QuotaView> page(int offset, int limit) {
        throw new UnsupportedOperationException("not needed by the core's use cases");
    }

    @Override
    public List<QuotaView> nearLimit(int percent, int max) {
        throw new UnsupportedOperationException("not needed by the core's use cases");
    }

    @Override
    public long countTenants() {
        return quotas.size();
    }
}
