package cloud.minicloud.core.accesskey;

/**
 * A key as the ECS-compatible API checks a request with it: its secret opened, whom it acts for
 * (the user's roles are read afresh for each call), and whether it is active: a disabled key's
 * request is checked too, so that only the key's holder learns that it is disabled.
 */
public record SigningKey(String accessKeyId, String username, String tenantAlias, String secret, boolean active) {

    @Override
    public String toString() {
        return "SigningKey[" + accessKeyId + " of " + username + "]"; // never the secret, in any log
    }
}
