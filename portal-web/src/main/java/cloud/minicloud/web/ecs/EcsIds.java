package cloud.minicloud.web.ecs;

import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Ids in ECS's style for minicloud's resources, each reversible without a table: an instance is
 * {@code i-} and its UUID's 32 hex digits, a vSwitch (a tenant network) {@code vsw-} and its UUID's,
 * an image {@code m-} and its number, a VPC (one per tenant) {@code vpc-} and the tenant's alias.
 * An id that is not one of ours is "not found", like any unknown id.
 */
final class EcsIds {

    private static final Pattern UUID_HEX = Pattern.compile("[0-9a-f]{32}");

    private EcsIds() {
    }

    static String instance(UUID id) {
        return "i-" + hex(id);
    }

    static String vSwitch(UUID network) {
        return "vsw-" + hex(network);
    }

    static String image(long id) {
        return "m-" + id;
    }

    static String vpc(String tenant) {
        return "vpc-" + tenant;
    }

    /** The instance an {@code i-} id names, or null for one that cannot be ours. */
    static UUID instance(String id) {
        return uuid(id, "i-");
    }

    static UUID vSwitch(String id) {
        return uuid(id, "vsw-");
    }

    /** The image an {@code m-} id names, or -1 for one that cannot be ours. */
    static long image(String id) {
        if (id == null || !id.startsWith("m-")) {
            return -1;
        }
        try {
            return Long.parseLong(id.substring(2));
        } catch (NumberFormatException notOurs) {
            return -1;
        }
    }

    private static String hex(UUID id) {
        return id.toString().replace("-", "");
    }

    private static UUID uuid(String id, String prefix) {
        if (id == null || !id.startsWith(prefix) || !UUID_HEX.matcher(id.substring(prefix.length())).matches()) {
            return null;
        }
        byte[] bytes = HexFormat.of().parseHex(id.substring(prefix.length()));
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = high << 8 | (bytes[i] & 0xff);
            low = low << 8 | (bytes[i + 8] & 0xff);
        }
        return new UUID(high, low);
    }
}
