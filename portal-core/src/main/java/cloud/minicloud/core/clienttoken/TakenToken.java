package cloud.minicloud.core.clienttoken;

/**
 * A client token as a tenant used it: a digest of the request it came with, and what that request
 * made (null until it has made it, in the same transaction).
 */
public record TakenToken(String requestDigest, String answer) {
}
