package cloud.minicloud.core.keypair;

import java.util.List;
import java.util.Optional;

/** Each tenant's key pairs by name. */
public interface KeyPairRepository {

    /** Adds the key pair unless the tenant has one of its name; answers whether it was added. */
    boolean add(long tenantId, KeyPairView keyPair);

    Optional<KeyPairView> find(long tenantId, String name);

    /** The tenant's key pairs whose names contain {@code name} (null: all), by name. */
    List<KeyPairView> list(long tenantId, String name, int offset, int limit);

    long count(long tenantId, String name);

    void remove(long tenantId, String name);
}
