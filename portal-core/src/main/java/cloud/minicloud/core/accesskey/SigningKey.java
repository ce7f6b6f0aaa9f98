package cloud.minicloud.core.accesskey;

/**
 * An active key as the ECS-compatible API checks a request with it: its secret opened, and whom
 * it acts for (the user's roles are read afresh for each call).
 */
public record SigningKey(String accessKeyId, String username, String tenantAlias, String secret) {

    @Override
    public String toString() {
        return "SigningKey[" + accessKeyId + " of " + username + "]"; // never the secret, in any log
    }
}
