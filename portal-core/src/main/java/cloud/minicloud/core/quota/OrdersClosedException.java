package cloud.minicloud.core.quota;

import cloud.minicloud.core.ConflictException;

/** The tenant may order nothing now: a cloud admin disabled (or deleted) it; the message says so. */
public class OrdersClosedException extends ConflictException {
    public OrdersClosedException(String why) {
        super("tenant-disabled", why);
    }
}
