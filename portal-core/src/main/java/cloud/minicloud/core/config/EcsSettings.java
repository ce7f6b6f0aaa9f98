package cloud.minicloud.core.config;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the ECS-compatible API and its AccessKeys need from outside.
 *
 * @param sealingSecret the cloud's secret that the AccessKey secrets are encrypted with at rest
 *                      ({@code MINICLOUD_ACCESS_KEY_SEAL}, kept by deploy/ in the cloud's secrets);
 *                      null where none is set, and then no key can be made or used
 * @param activePerUser how many keys one user may have active at once (two, as Alibaba Cloud allows)
 * @param port          the port whose root answers the ECS API ({@code MINICLOUD_ECS_PORT}, 8081)
 * @param regionId      the one region this cloud is to the SDKs ({@code MINICLOUD_ECS_REGION}, cn-minicloud)
 * @param callsPerSecond how many calls one AccessKey may make a second, sustained, with two seconds'
 *                      worth at once ({@code MINICLOUD_ECS_CALLS_PER_SECOND}, 50); past it {@code Throttling.User}
 */
public record EcsSettings(String sealingSecret, int activePerUser, int port, String regionId, int callsPerSecond) {

    private static final Pattern REGION = Pattern.compile("[a-z][a-z0-9-]{1,62}");

    public EcsSettings {
        if (activePerUser < 1) {
            throw new IllegalArgumentException("at least one active key per user");
        }
        if (callsPerSecond < 1) {
            throw new IllegalStateException("MINICLOUD_ECS_CALLS_PER_SECOND is at least 1, not " + callsPerSecond);
        }
        if (!REGION.matcher(regionId).matches()) {
            throw new IllegalStateException("MINICLOUD_ECS_REGION is lower-case letters, digits and '-' (like cn-hangzhou), not "
                    + regionId);
        }
    }

    static EcsSettings defaults() {
        return new EcsSettings(null, 2, 8081, "cn-minicloud", 50);
    }

    static EcsSettings from(Map<String, String> env) {
        EcsSettings d = defaults();
        String secret = env.get("MINICLOUD_ACCESS_KEY_SEAL");
        return new EcsSettings(secret == null || secret.isBlank() ? null : secret.strip(), d.activePerUser(),
                CloudSettings.number(env, "MINICLOUD_ECS_PORT", d.port()),
                env.getOrDefault("MINICLOUD_ECS_REGION", d.regionId()).strip(),
                CloudSettings.number(env, "MINICLOUD_ECS_CALLS_PER_SECOND", d.callsPerSecond()));
    }

    public EcsSettings withSealingSecret(String secret) {
        return new EcsSettings(secret, activePerUser, port, regionId, callsPerSecond);
    }
}
