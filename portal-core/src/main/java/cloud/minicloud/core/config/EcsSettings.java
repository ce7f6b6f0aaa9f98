package cloud.minicloud.core.config;

import java.util.Map;

/**
 * What AccessKeys need from outside.
 *
 * @param sealingSecret the cloud's secret that the AccessKey secrets are encrypted with at rest
 *                      ({@code MINICLOUD_ACCESS_KEY_SEAL}, kept by deploy/ in the cloud's secrets);
 *                      null where none is set, and then no key can be made or used
 * @param activePerUser how many keys one user may have active at once (two, as Alibaba Cloud allows)
 */
public record AccessKeySettings(String sealingSecret, int activePerUser) {

    public AccessKeySettings {
        if (activePerUser < 1) {
            throw new IllegalArgumentException("at least one active key per user");
        }
    }

    static AccessKeySettings defaults() {
        return new AccessKeySettings(null, 2);
    }

    static AccessKeySettings from(Map<String, String> env) {
        String secret = env.get("MINICLOUD_ACCESS_KEY_SEAL");
        return new AccessKeySettings(secret == null || secret.isBlank() ? null : secret.strip(), defaults().activePerUser());
    }
}
