package cloud.minicloud.core.instance;

/**
 * Where a running instance's screen (its VNC server) can be reached from the portal, and the
 * password it asks for (null for a guest defined before screens had one). Only the portal's
 * console proxy sees the password: it answers VNC's challenge itself, the browser never does.
 */
public record InstanceScreen(String host, int port, String password) {

    @Override
    public String toString() {
        return "InstanceScreen[" + host + ":" + port + "]";
    }
}
