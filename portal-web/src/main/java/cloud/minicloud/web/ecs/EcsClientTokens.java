package cloud.minicloud.web.ecs;

import cloud.minicloud.core.clienttoken.ClientTokens;
import cloud.minicloud.core.config.CloudSettings;
import cloud.minicloud.core.identity.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * ECS's ClientToken on the actions that make something (RunInstances, CreateVSwitch): the request
 * sent again with its token answers what the first made; the token with another request is
 * {@code IdempotentParameterMismatch}. Without a token the order simply runs.
 */
@ApplicationScoped
class EcsClientTokens {

    @Inject
    ClientTokens tokens;

    @Inject
    CloudSettings settings;

    /** Runs the order once per token; what it makes is kept as text and answered again to a retry. */
    String once(Caller caller, String action, AcsParameters parameters, Supplier<String> order) {
        String token = parameters.get("ClientToken");
        if (token == null || token.isEmpty()) {
            return order.get();
        }
        // Keyed with the cloud's secret: the request holds the instances' password, and what it is compared by is stored.
        String request = HexFormat.of().formatHex(Hmac.mac("HmacSHA256", settings.ecs().sealingSecret(),
                action + "\n" + parameters.withoutProtocol().canonical()));
        return tokens.once(caller, token, request, order);
    }
}
