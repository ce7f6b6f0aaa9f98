package cloud.minicloud.core.network;

/** A network still has instances on it; they go first. */
public class NetworkInUseException extends RuntimeException {

    public NetworkInUseException(String name) {
        super("network '" + name + "' still has instances; delete them first");
    }
}
