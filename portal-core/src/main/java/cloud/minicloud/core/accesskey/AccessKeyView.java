package cloud.minicloud.core.accesskey;

import java.time.Instant;

/** An AccessKey as its user and the cloud admins see it: never its secret. */
public record AccessKeyView(String accessKeyId, String user, String tenant, String status, Instant createdAt,
                            Instant lastUsedAt) {

    public static final String ACTIVE = "ACTIVE";
    public static final String DISABLED = "DISABLED";
}
