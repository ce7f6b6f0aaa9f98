package cloud.minicloud.core.clienttoken;

import java.time.Instant;
import java.util.Optional;

/** The client tokens tenants have used. */
public interface ClientTokenRepository {

    /** Forgets the tokens taken before the time. */
    void forgetBefore(Instant before);

    /**
     * Takes the token for a request, or answers false if the tenant holds it already. A transaction
     * that takes the same token at the same time makes this one wait for its end.
     */
    boolean take(long tenantId, String token, String requestDigest, Instant at);

    Optional<TakenToken> find(long tenantId, String token);

    /** Frees a token whose request was refused. */
    void release(long tenantId, String token);

    /** Records what the request the token was taken for made. */
    void answer(long tenantId, String token, String answer);
}
