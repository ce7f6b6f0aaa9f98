package cloud.minicloud.core;

/** Input a user sent that the cloud cannot act on; the message says what to change. */
public class InvalidRequestException extends RuntimeException {
    public InvalidRequestException(String message) {
        super(message);
    }
}
