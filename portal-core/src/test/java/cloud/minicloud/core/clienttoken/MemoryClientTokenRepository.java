package cloud.minicloud.core.clienttoken;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Client tokens in memory, for the core's tests. */
public class MemoryClientTokenRepository implements ClientTokenRepository {

    private record Held(TakenToken taken, Instant at) {
    }

    private final Map<String, Held> held = new HashMap<>();

    @Override
    public synchronized void forgetBefore(Instant before) {
        held.values().removeIf(h -> h.at().isBefore(before));
    }

    @Override
    public synchronized boolean take(long tenantId, String token, String requestDigest, Instant at) {
        return held.putIfAbsent(key(tenantId, token), new Held(new TakenToken(requestDigest, null), at)) == null;
    }

    @Override
    public synchronized Optional<TakenToken> find(long tenantId, String token) {
        return Optional.ofNullable(held.get(key(tenantId, token))).map(Held::taken);
    }

    @Override
    public synchronized void release(long tenantId, String token) {
        held.remove(key(tenantId, token));
    }

    @Override
    public synchronized void answer(long tenantId, String token, String answer) {
        held.computeIfPresent(key(tenantId, token), (k, h) -> new Held(new TakenToken(h.taken().requestDigest(), answer), h.at()));
    }

    private static String key(long tenantId, String token) {
        return tenantId + " " + token;
    }
}
