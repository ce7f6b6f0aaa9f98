package cloud.minicloud.core.task;

import cloud.minicloud.hypervisor.HypervisorException;

/** A task gave up on its node: it did not answer for longer than the cloud's node patience. */
public class NodeOutwaitedException extends HypervisorException {

    public NodeOutwaitedException(String message, Throwable cause) {
        super(message, cause);
    }
}
