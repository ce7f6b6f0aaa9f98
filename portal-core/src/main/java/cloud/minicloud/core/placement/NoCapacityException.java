package cloud.minicloud.core.placement;

/** No compute node has room for an order; the message names what ran out. */
public class NoCapacityException extends RuntimeException {

    public NoCapacityException(String message) {
        super(message);
    }
}
