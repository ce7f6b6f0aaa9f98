package cloud.minicloud.core.clienttoken;

import cloud.minicloud.core.InvalidRequestException;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.quota.TenantEnrolment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Makes an order idempotent by a token its client chose: the first request with the token acts,
 * and its answer is kept with the token in the same transaction as what it made; the same request
 * again answers that, without acting; another request with the token is refused. A refused order
 * leaves the token free. Tokens are the tenant's, and kept for {@link #KEPT}.
 */
@ApplicationScoped
public class ClientTokens {

    /** How long a token is remembered: far longer than any client's retries. */
    public static final Duration KEPT = Duration.ofDays(1);
    /** ECS's rule: up to 64 ASCII characters. */
    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7e]{1,64}");

    @Inject
    ClientTokenRepository tokens;

    @Inject
    TenantEnrolment enrolment;

    /**
     * Acts once per token of the caller's tenant.
     *
     * @param request what the order asks, in a canonical form: a repeat must give the same text
     * @param order   acts, in this transaction, and answers what it made as text
     * @return what the first request with the token made
     */
    @Transactional
    public String once(Caller caller, String token, String request, Supplier<String> order) {
        if (!TOKEN.matcher(token).matches()) {
            throw new InvalidRequestException("a client token is 1 to 64 printable ASCII characters without spaces");
        }
        long tenant = enrolment.tenantOf(caller).id();
        String digest = digest(request);
        Instant now = Instant.now();
        tokens.forgetBefore(now.minus(KEPT));
        if (tokens.take(tenant, token, digest, now)) {
            String answer;
            try {
                answer = order.get();
            } catch (RuntimeException refused) {
                tokens.release(tenant, token); // the transaction's rollback frees it too; said here for what has none
                throw refused;
            }
            tokens.answer(tenant, token, answer);
            return answer;
        }
        TakenToken taken = tokens.find(tenant, token).orElseThrow();
        if (!taken.requestDigest().equals(digest)) {
            throw new ClientTokenMismatchException(token);
        }
        return taken.answer();
    }

    private static String digest(String request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(request.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
