package cloud.minicloud.hypervisor;

/** Where a running guest's VNC screen listens on its node (for the portal's WebSocket proxy). */
public record ConsoleEndpoint(String host, int port) {
}
