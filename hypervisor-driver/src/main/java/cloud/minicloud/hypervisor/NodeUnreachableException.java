package cloud.minicloud.hypervisor;

/** The node's libvirtd cannot be reached now; the operation did nothing and may be retried. */
public class NodeUnreachableException extends HypervisorException {
    public NodeUnreachableException(String uri, Throwable cause) {
        super("compute node " + uri + " is unreachable: " + cause.getMessage(), cause);
    }
}
