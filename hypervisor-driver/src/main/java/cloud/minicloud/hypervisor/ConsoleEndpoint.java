package cloud.minicloud.hypervisor;

/**
 * Where a running guest's VNC screen listens on its node (for the portal's WebSocket proxy), and
 * the password it asks for: VNC listens on the node's loopback, and the password keeps a screen
 * from whoever else reaches that port (another guest's freed port, a local user).
 *
 * @param password the screen's password, or null for a guest defined before screens had one
 */
public record ConsoleEndpoint(String host, int port, String password) {

    @Override
    public String toString() {
        return "ConsoleEndpoint[" + host + ":" + port + "]";
    }
}
