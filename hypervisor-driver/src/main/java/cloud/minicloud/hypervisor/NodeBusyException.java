package cloud.minicloud.hypervisor;

/**
 * Every connection slot to the node stayed taken for longer than a caller may wait: the node is
 * answering slowly. The call was not made and may be retried later.
 */
public class NodeBusyException extends HypervisorException {
    public NodeBusyException(String message) {
        super(message);
    }
}
