package cloud.minicloud.core.instance;

import cloud.minicloud.core.PrintableText;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.UUID;

/** Names an instance goes by: the user's display name, the guest's hostname, and its MAC address. */
final class InstanceNames {

    static final int MAX_NAME = 64;
    private static final int MAX_HOSTNAME = 63;
    private static final SecureRandom RANDOM = new SecureRandom();

    private InstanceNames() {
    }

    /** Printable text on one line, 1 to 64 characters: markup and quotes are just characters of a name. */
    static String validName(String name) {
        return PrintableText.name("an instance name", name, MAX_NAME);
    }

    /** The i-th of several instances ordered together, ECS-style: name-1, name-2, ... */
    static String numbered(String name, int i) {
        String suffix = "-" + i;
        return name.substring(0, Math.min(name.length(), MAX_NAME - suffix.length())) + suffix;
    }

    /** A hostname from the name: lower case letters, digits and hyphens; the id's start if nothing is left. */
    static String hostname(String name, UUID id) {
        String host = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (host.length() > MAX_HOSTNAME) {
            host = host.substring(0, MAX_HOSTNAME).replaceAll("-+$", "");
        }
        return host.isEmpty() ? "i-" + id.toString().substring(0, 8) : host;
    }

    /** A random address in QEMU's locally administered range 52:54:00. */
    static String macAddress() {
        return String.format("52:54:00:%02x:%02x:%02x", RANDOM.nextInt(256), RANDOM.nextInt(256), RANDOM.nextInt(256));
    }
}
