package cloud.minicloud.core.instance;

/** The instance is not in a state the requested operation starts from. */
public class InvalidStateException extends RuntimeException {

    public InvalidStateException(String name, InstanceState state, String needed) {
        super("instance '%s' is %s; %s".formatted(name, state, needed));
    }
}
