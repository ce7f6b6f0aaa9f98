package cloud.minicloud.core.tenant;

import cloud.minicloud.core.NotFoundException;

/** No tenant has this alias. */
public class TenantNotFoundException extends NotFoundException {
    public TenantNotFoundException(String alias) {
        super("tenant", alias);
    }
}
