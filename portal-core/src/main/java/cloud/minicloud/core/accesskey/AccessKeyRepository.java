package cloud.minicloud.core.accesskey;

import java.util.List;
import java.util.Optional;

/** Where AccessKeys are kept. */
public interface AccessKeyRepository {

    /**
     * Adds the key; false (adding nothing) when its active slot was taken meanwhile by another
     * request of the same user.
     */
    boolean add(AccessKey key);

    Optional<AccessKey> find(String keyId);

    /** The user's keys, newest first. */
    List<AccessKey> ofUser(String username);

    /** Every user's keys, newest first, a page at a time; and how many there are. */
    List<AccessKey> all(int offset, int limit);

    long count();

    /** Puts the key in the slot (null: disabled); false when another key took that slot meanwhile. */
    boolean setSlot(long id, Integer slot);

    void remove(long id);

    /**
     * Records the nonce a request signed with the key came with, forgetting those seen before
     * {@code forgetBefore}; false when the key signed a request with it already.
     */
    /** Records that a request signed with the key passed, at most once a minute (it is shown to the nearest minute). */
    void used(String keyId, java.time.Instant at);

    boolean firstUseOfNonce(String keyId, String nonce, java.time.Instant at, java.time.Instant forgetBefore);
}
