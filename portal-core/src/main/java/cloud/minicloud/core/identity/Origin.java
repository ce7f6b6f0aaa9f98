package cloud.minicloud.core.identity;

import java.util.regex.Pattern;

/**
 * Where a call came from: the request's id (also in the response's {@code X-Request-Id} header and
 * the audit log, so a user's report can be found) and the client's address.
 */
public record Origin(String requestId, String clientAddress) {

    /** A call from no request: a test, a background job. */
    public static final Origin NONE = new Origin(null, null);

    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public Origin {
        if (requestId != null && !REQUEST_ID.matcher(requestId).matches()) {
            throw new IllegalArgumentException("not a request id: " + requestId);
        }
        if (clientAddress != null && clientAddress.length() > 64) {
            throw new IllegalArgumentException("not a client address: " + clientAddress);
        }
    }
}
