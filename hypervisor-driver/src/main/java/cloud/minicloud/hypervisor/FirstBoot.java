package cloud.minicloud.hypervisor;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a guest learns on its first boot, the cloud-init NoCloud way, so real cloud images work
 * unchanged: its hostname, how to log in, its IP configuration (assigned by the control plane,
 * never guessed) and commands to run once.
 *
 * @param password     a login password, or its crypt(3) hash ($6$…, what cloud-init accepts as is),
 *                     or null when an SSH key is given
 * @param sshPublicKey an OpenSSH public key line, or null when a password is given
 * @param address      the static address with prefix length, e.g. 10.11.0.5/24, or null for none
 * @param gateway      the default gateway, or null
 */
public record FirstBoot(String hostname, String password, String sshPublicKey, String address, String gateway,
                        List<String> commands) {

    private static final Pattern HOSTNAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern CIDR = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}");
    private static final Pattern ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    public FirstBoot {
        if (hostname == null || !HOSTNAME.matcher(hostname).matches()) {
            throw new IllegalArgumentException("a hostname is lower-case letters, digits and inner hyphens, at most 63");
        }
        if ((password == null) == (sshPublicKey == null)) {
            throw new IllegalArgumentException("give either a password or an SSH public key");
        }
        if (sshPublicKey != null && (sshPublicKey.contains("\n") || !sshPublicKey.startsWith("ssh-")
                && !sshPublicKey.startsWith("ecdsa-"))) {
            throw new IllegalArgumentException("an SSH public key is one line starting with its type, e.g. ssh-ed25519");
        }
        if (address != null && !CIDR.matcher(address).matches()) {
            throw new IllegalArgumentException("an address is a.b.c.d/prefix");
        }
        if (gateway != null && !ADDRESS.matcher(gateway).matches()) {
            throw new IllegalArgumentException("a gateway is a.b.c.d");
        }
        commands = List.copyOf(commands);
    }
}
