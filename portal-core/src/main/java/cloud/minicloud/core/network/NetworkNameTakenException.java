package cloud.minicloud.core.network;

/** The tenant already has a network of that name. */
public class NetworkNameTakenException extends RuntimeException {
    public NetworkNameTakenException(String name) {
        super("a network named '" + name + "' exists already in this tenant; choose another name");
    }
}
