package cloud.minicloud.web.api;

import cloud.minicloud.core.identity.Caller;
import jakarta.enterprise.context.RequestScoped;

/** The caller of the API request in progress, as {@link ApiAuthentication} established it. */
@RequestScoped
public class ApiCaller {

    private Caller caller;

    void set(Caller caller) {
        this.caller = caller;
    }

    /** The caller, if the request got as far as knowing one. */
    public java.util.Optional<Caller> find() {
        return java.util.Optional.ofNullable(caller);
    }

    public Caller get() {
        if (caller == null) {
            throw new IllegalStateException("no authenticated caller: is this resource meant to be @Public?");
        }
        return caller;
    }
}
