package cloud.minicloud.core.config;

import java.time.Duration;
import java.util.Map;

/**
 * How tenant networks' segments and subnets are handed out again.
 *
 * @param quarantine       how long a deleted network's segment and subnet rest before another network
 *                         gets them ({@code MINICLOUD_NETWORK_QUARANTINE_SECONDS}, an hour), so that a
 *                         segment is not handed on while anything of the old network may still be in
 *                         flight. A node that was down when the network was deleted keeps its bridge
 *                         until someone removes it: nothing reconciles networks on nodes yet
 * @param createsPerMinute how many networks one tenant may create a minute
 *                         ({@code MINICLOUD_NETWORK_CREATES_PER_MINUTE}, 20): a create/delete loop cannot
 *                         drain the pools for everyone
 */
public record NetworkSettings(Duration quarantine, int createsPerMinute) {

    public NetworkSettings {
        if (quarantine.isNegative() || createsPerMinute < 1) {
            throw new IllegalArgumentException("a quarantine of 0 s or more and at least one create a minute");
        }
    }

    static NetworkSettings defaults() {
        return new NetworkSettings(Duration.ofHours(1), 20);
    }

    static NetworkSettings from(Map<String, String> env) {
        NetworkSettings d = defaults();
        String quarantine = env.get("MINICLOUD_NETWORK_QUARANTINE_SECONDS");
        Duration rest = d.quarantine();
        if (quarantine != null && !quarantine.isBlank()) {
            try {
                rest = Duration.ofSeconds(Long.parseLong(quarantine.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalStateException("MINICLOUD_NETWORK_QUARANTINE_SECONDS is a whole number of seconds, not "
                        + quarantine, e);
            }
            if (rest.isNegative()) {
                throw new IllegalStateException("MINICLOUD_NETWORK_QUARANTINE_SECONDS is 0 or more, not " + quarantine);
            }
        }
        return new NetworkSettings(rest, CloudSettings.number(env, "MINICLOUD_NETWORK_CREATES_PER_MINUTE", d.createsPerMinute()));
    }
}
