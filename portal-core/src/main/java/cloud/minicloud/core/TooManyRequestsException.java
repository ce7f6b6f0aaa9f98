package cloud.minicloud.core;

import java.time.Duration;

/** A caller asked faster than the cloud allows: the same request succeeds after {@link #retryAfter()}. */
public class TooManyRequestsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyRequestsException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
