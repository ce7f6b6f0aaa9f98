package cloud.minicloud.web.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The API's JSON binding: a request with a property the call does not know is refused, not
 * silently ignored (a misspelt field would otherwise be taken as left out).
 */
@Provider
public class StrictJson implements ContextResolver<Jsonb> {

    /** Yasson's switch (WildFly's JSON-B); other implementations ignore it. */
    private static final String FAIL_ON_UNKNOWN = "jsonb.fail-on-unknown-properties";

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().setProperty(FAIL_ON_UNKNOWN, true));

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }
}
