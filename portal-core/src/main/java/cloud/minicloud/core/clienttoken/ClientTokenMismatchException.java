package cloud.minicloud.core.clienttoken;

import cloud.minicloud.core.ConflictException;

/** A client token sent again with a request other than the one it was first sent with. */
public class ClientTokenMismatchException extends ConflictException {

    public ClientTokenMismatchException(String token) {
        super("in-use", "the client token " + token + " was used for another request; send a new token with a changed request");
    }
}
