package cloud.minicloud.core.accesskey;

/**
 * A key as the ECS-compatible API checks a request with it: whom it acts for (the user's roles are
 * read afresh for each call) and, while it is active, its secret opened (null once disabled).
 */
public record SigningKey(String accessKeyId, String username, String tenantAlias, String secret) {

    public boolean active() {
        return secret != null;
    }

    @Override
    public String toString() {
        return "SigningKey[" + accessKeyId + " of " + username + "]"; // never the secret, in any log
    }
}
