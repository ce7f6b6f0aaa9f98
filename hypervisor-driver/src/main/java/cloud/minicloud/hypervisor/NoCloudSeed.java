package cloud.minicloud.hypervisor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The files of a cloud-init NoCloud seed (a volume labelled cidata). Every value is written as a
 * double-quoted YAML scalar with JSON escapes, so no user text can change the documents' structure.
 */
public final class NoCloudSeed {

    public static final String VOLUME_LABEL = "cidata";

    private NoCloudSeed() {
    }

    /** File name to content: meta-data, user-data and network-config. */
    public static Map<String, String> files(UUID instance, FirstBoot boot) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("meta-data", "instance-id: " + quote("i-" + instance) + "\nlocal-hostname: " + quote(boot.hostname()) + "\n");
        StringBuilder user = new StringBuilder("#cloud-config\n");
        user.append("hostname: ").append(quote(boot.hostname())).append('\n');
        if (boot.password() != null) {
            user.append("password: ").append(quote(boot.password())).append('\n');
            user.append("chpasswd: {expire: false}\nssh_pwauth: true\n");
        } else {
            user.append("ssh_authorized_keys:\n  - ").append(quote(boot.sshPublicKey())).append('\n');
        }
        if (!boot.commands().isEmpty()) {
            user.append("runcmd:\n");
            boot.commands().forEach(command -> user.append("  - ").append(quote(command)).append('\n'));
        }
        files.put("user-data", user.toString());
        StringBuilder network = new StringBuilder("version: 2\nethernets:\n  eth0:\n    match: {name: \"e*\"}\n");
        if (boot.address() == null) {
            network.append("    dhcp4: true\n");
        } else {
            network.append("    addresses: [").append(quote(boot.address())).append("]\n");
            if (boot.gateway() != null) {
                network.append("    gateway4: ").append(quote(boot.gateway())).append('\n');
            }
        }
        files.put("network-config", network.toString());
        return files;
    }

    static String quote(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
