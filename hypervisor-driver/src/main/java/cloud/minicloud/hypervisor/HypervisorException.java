package cloud.minicloud.hypervisor;

/** A node refused or failed an operation; the message says what and, where it can, why. */
public class HypervisorException extends RuntimeException {

    public HypervisorException(String message) {
        super(message);
    }

    public HypervisorException(String message, Throwable cause) {
        super(message, cause);
    }
}
