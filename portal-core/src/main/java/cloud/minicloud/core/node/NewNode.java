package cloud.minicloud.core.node;

import cloud.minicloud.core.InvalidRequestException;
import java.util.regex.Pattern;

/**
 * A compute node a cloud admin adds: its name, the libvirt URI the portal reaches it by, the IPv4
 * address its VXLAN tunnels use, and its zone ("default" if none is given).
 */
public record NewNode(String name, String uri, String tunnelAddress, String zone) implements cloud.minicloud.core.audit.AuditTarget {

    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    /** A remote libvirt's system instance, over SSH, TLS or plain TCP (a user, a port and query options may be given). */
    private static final Pattern URI = Pattern.compile(
            "qemu\\+(ssh|tls|tcp)://([A-Za-z0-9._-]+@)?[A-Za-z0-9.-]+(:[0-9]{1,5})?/system(\\?[A-Za-z0-9=&._/%~+-]*)?");
    static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

    @Override
    public String auditTarget() {
        return name + " " + uri;
    }

    /** This node with its parts checked and trimmed, or a refusal that says what a good one looks like. */
    NewNode checked() {
        String n = name == null ? "" : name.strip();
        if (!NAME.matcher(n).matches()) {
            throw new InvalidRequestException("a node's name is 1 to 32 lower-case letters, digits and '-', starting with a letter, like node-2");
        }
        String u = uri == null ? "" : uri.strip();
        if (!URI.matcher(u).matches()) {
            throw new InvalidRequestException("uri is a libvirt URI of the node's system instance: qemu+ssh://root@host/system, "
                    + "qemu+tls://host/system or qemu+tcp://host/system, not '" + u + "'");
        }
        String t = tunnelAddress == null ? "" : tunnelAddress.strip();
        if (!IPV4.matcher(t).matches()) {
            throw new InvalidRequestException("tunnelAddress is the IPv4 address the node's VXLAN tunnels use, like 10.0.0.12, not '"
                    + t + "'");
        }
        String z = zone == null || zone.isBlank() ? "default" : zone.strip();
        if (!NAME.matcher(z).matches()) {
            throw new InvalidRequestException("a zone's name is 1 to 32 lower-case letters, digits and '-', starting with a letter");
        }
        return new NewNode(n, u, t, z);
    }
}
