package cloud.minicloud.core.instance;

/** Where a running instance's screen (its VNC server) can be reached from the portal. */
public record InstanceScreen(String host, int port) {
}
