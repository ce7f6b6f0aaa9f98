package cloud.minicloud.core.keypair;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Key pairs in memory, for the core's tests. */
public class MemoryKeyPairRepository implements KeyPairRepository {

    private final Map<String, KeyPairView> keyPairs = new ConcurrentHashMap<>();

    @Override
    public boolean add(long tenantId, KeyPairView keyPair) {
        return keyPairs.putIfAbsent(tenantId + " " + keyPair.name(), keyPair) == null;
    }

    @Override
    public Optional<KeyPairView> find(long tenantId, String name) {
        return Optional.ofNullable(keyPairs.get(tenantId + " " + name));
    }

    @Override
    public List<KeyPairView> list(long tenantId, String name, int offset, int limit) {
        return keyPairs.entrySet().stream().filter(e -> e.getKey().startsWith(tenantId + " "))
                .map(Map.Entry::getValue).filter(k -> name == null || k.name().contains(name))
                .sorted(Comparator.comparing(KeyPairView::name)).skip(offset).limit(limit).toList();
    }

    @Override
    public long count(long tenantId, String name) {
        return list(tenantId, name, 0, Integer.MAX_VALUE).size();
    }

    @Override
    public void remove(long tenantId, String name) {
        keyPairs.remove(tenantId + " " + name);
    }
}
