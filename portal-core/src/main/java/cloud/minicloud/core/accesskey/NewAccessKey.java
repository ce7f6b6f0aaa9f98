package cloud.minicloud.core.accesskey;

/** A key just made, with its secret: the only time the secret is shown. */
public record NewAccessKey(AccessKeyView key, String accessKeySecret) {
}
