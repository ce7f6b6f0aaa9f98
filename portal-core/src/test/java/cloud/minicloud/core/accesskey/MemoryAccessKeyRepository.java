package cloud.minicloud.core.accesskey;

import cloud.minicloud.core.testing.Entities;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** AccessKeys in memory, with the database's unique keys (the key id; one key per user and active slot). */
public class MemoryAccessKeyRepository implements AccessKeyRepository {

    private static final Comparator<AccessKey> NEWEST_FIRST =
            Comparator.comparing(AccessKey::createdAt).thenComparing(AccessKey::id).reversed();

    private final List<AccessKey> keys = new ArrayList<>();
    private long nextId = 1;

    @Override
    public synchronized boolean add(AccessKey key) {
        if (find(key.keyId()).isPresent() || slotTaken(key.username(), key.activeSlot())) {
            return false;
        }
        Entities.set(key, "id", nextId++);
        keys.add(key);
        return true;
    }

    @Override
    public synchronized Optional<AccessKey> find(String keyId) {
        return keys.stream().filter(k -> k.keyId().equals(keyId)).findFirst();
    }

    @Override
    public synchronized List<AccessKey> ofUser(String username) {
        return keys.stream().filter(k -> k.username().equals(username)).sorted(NEWEST_FIRST).toList();
    }

    @Override
    public synchronized List<AccessKey> all(int offset, int limit) {
        return keys.stream().sorted(NEWEST_FIRST).skip(offset).limit(limit).toList();
    }

    @Override
    public synchronized long count() {
        return keys.size();
    }

    @Override
    public synchronized boolean setSlot(long id, Integer slot) {
        AccessKey key = keys.stream().filter(k -> k.id() == id).findFirst().orElse(null);
        if (key == null || slotTaken(key.username(), slot)) {
            return false;
        }
        Entities.set(key, "activeSlot", slot);
        return true;
    }

    @Override
    public synchronized void remove(long id) {
        keys.removeIf(k -> k.id() == id);
    }

    private final java.util.Map<String, java.time.Instant> nonces = new java.util.HashMap<>();

    @Override
    public synchronized void used(String keyId, java.time.Instant at) {
        find(keyId).filter(k -> k.lastUsedAt() == null || k.lastUsedAt().isBefore(at.minusSeconds(60)))
                .ifPresent(k -> cloud.minicloud.core.testing.Entities.set(k, "lastUsedAt", at));
    }

    @Override
    public synchronized boolean firstUseOfNonce(String keyId, String nonce, java.time.Instant at, java.time.Instant forgetBefore) {
        nonces.values().removeIf(seen -> seen.isBefore(forgetBefore));
        return nonces.putIfAbsent(keyId + " " + nonce, at) == null;
    }

    /** How the secret is kept: never the secret itself. */
    public synchronized byte[] stored(String keyId) {
        return find(keyId).orElseThrow().sealedSecret();
    }

    private boolean slotTaken(String username, Integer slot) {
        return slot != null && keys.stream().anyMatch(k -> k.username().equals(username) && Objects.equals(k.activeSlot(), slot));
    }
}
