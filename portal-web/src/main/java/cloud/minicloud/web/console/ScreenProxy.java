package cloud.minicloud.web.console;

import cloud.minicloud.core.NotFoundException;
import cloud.minicloud.core.config.CloudSettings;
import cloud.minicloud.core.identity.AccessDeniedException;
import cloud.minicloud.core.identity.AuthorizationFailure;
import cloud.minicloud.core.identity.TenantChoiceRequiredException;
import cloud.minicloud.core.instance.InstanceScreen;
import cloud.minicloud.core.instance.InstanceService;
import cloud.minicloud.core.instance.InstanceState;
import cloud.minicloud.core.tenant.DirectoryException;
import cloud.minicloud.core.tenant.TenantDirectory;
import cloud.minicloud.web.security.Callers;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.CloseReason;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * noVNC's WebSocket onto the screen of the instance a one-time ticket names. The browser never
 * learns the node's address or the screen's password. The ticket is checked at the handshake (the
 * signed-in user and the page's origin) and redeemed at open, when the instance must be the
 * caller's and running; the relay ends when the instance stops, is deleted or leaves the caller's
 * reach (a role taken away in Keycloak included: rechecked every MINICLOUD_CONSOLE_RECHECK_SECONDS),
 * and when the page that opened it is closed.
 */
@ServerEndpoint(value = "/vnc/{ticket}", subprotocols = {"binary"}, configurator = ScreenProxy.Handshake.class)
public class ScreenProxy {

    private static final Logger LOG = Logger.getLogger(ScreenProxy.class.getName());

    private ScreenRelay relay;
    private AutoCloseable watch;
    private Thread recheck;

    /** Shows the handshake's ticket to {@link ScreenTickets} with the user and origin of the connection. */
    public static final class Handshake extends ServerEndpointConfig.Configurator {
        @Override
        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
            String path = request.getRequestURI().getPath();
            String ticket = path.substring(path.lastIndexOf('/') + 1);
            tickets().present(ticket, Callers.of(request.getUserPrincipal()).orElse(null), header(request.getHeaders(), "Origin"));
        }

        private static String header(Map<String, List<String>> headers, String name) {
            return headers.entrySet().stream()
                    .filter(header -> header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty())
                    .map(header -> header.getValue().get(0))
                    .findFirst().orElse(null);
        }
    }

    @OnOpen
    public void open(Session session, @PathParam("ticket") String ticket) throws IOException {
        Optional<ScreenTickets.Redeemed> redeemed = tickets().redeem(ticket,
                session.getUserPrincipal() == null ? null : session.getUserPrincipal().getName());
        if (redeemed.isEmpty()) {
            refuse(session, "this console ticket is spent, expired or not yours; open the console again");
            return;
        }
        InstanceService instances = CDI.current().select(InstanceService.class).get();
        ScreenTickets.Redeemed viewer = redeemed.get();
        Optional<InstanceScreen> screen;
        try {
            screen = instances.screen(viewer.caller(), viewer.instance());
        } catch (NotFoundException | AccessDeniedException gone) {
            refuse(session, "no such instance");
            return;
        } catch (RuntimeException nodeTrouble) {
            LOG.log(Level.WARNING, "the screen of " + viewer.instance() + " could not be looked up", nodeTrouble);
            refuse(session, "the instance's node did not say where its screen is; try again");
            return;
        }
        if (screen.isEmpty()) {
            refuse(session, "the instance is not running; start it, then open the console again");
            return;
        }
        try {
            relay = ScreenRelay.open(screen.get(), session);
        } catch (IOException e) {
            LOG.log(Level.INFO, "the screen of " + viewer.instance() + " did not answer", e);
            refuse(session, "the instance's screen did not answer; try again");
            return;
        }
        watch = instances.watch(viewer.caller(), changed -> {
            if (changed.equals(viewer.instance())) {
                // told after another transaction's commit: look the instance up on a thread of its own
                Thread.ofVirtual().start(() -> {
                    try {
                        closeUnlessRunning(instances, viewer);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "checking the screen of " + viewer.instance() + " failed", e);
                    }
                });
            }
        });
        Duration every = CDI.current().select(CloudSettings.class).get().consoleRecheck();
        TenantDirectory directory = CDI.current().select(TenantDirectory.class).get();
        recheck = Thread.ofVirtual().name("console-recheck-" + session.getId())
                .start(() -> recheckAccess(session, instances, directory, viewer, every));
    }

    /**
     * A role taken away in Keycloak ends an open console too: the connection's token is never
     * refreshed, so the person is looked up again as Keycloak has them now. A Keycloak that does
     * not answer leaves the console open (and says so in the log).
     */
    private void recheckAccess(Session session, InstanceService instances, TenantDirectory directory,
                               ScreenTickets.Redeemed viewer, Duration every) {
        try {
            while (session.isOpen()) {
                Thread.sleep(every);
                try {
                    closeUnlessRunning(instances, new ScreenTickets.Redeemed(directory.now(viewer.caller()), viewer.instance()));
                } catch (DirectoryException e) {
                    LOG.log(Level.WARNING, "could not recheck the roles of " + viewer.caller().username()
                            + " for an open console; it stays open", e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the console ended
        }
    }

    @OnMessage
    public void fromBrowser(Session session, ByteBuffer data) throws IOException {
        if (relay != null) {
            relay.fromBrowser(data);
        }
    }

    @OnClose
    public void close(Session session) {
        end();
    }

    @OnError
    public void failed(Session session, Throwable error) {
        LOG.log(Level.INFO, "console connection " + session.getId() + " failed", error);
        end();
    }

    private void closeUnlessRunning(InstanceService instances, ScreenTickets.Redeemed viewer) {
        String why;
        try {
            InstanceState state = instances.get(viewer.caller(), viewer.instance()).state();
            if (state == InstanceState.RUNNING || state == InstanceState.REBOOTING) {
                return; // a reboot is worth watching on the screen
            }
            why = "the instance is " + state.name().toLowerCase(java.util.Locale.ROOT);
        } catch (NotFoundException gone) {
            why = "the instance is gone";
        } catch (AuthorizationFailure | TenantChoiceRequiredException refused) {
            why = "you no longer hold a role that shows you this instance";
        }
        ScreenRelay open = relay;
        if (open != null) {
            open.close(why);
        }
    }

    private void end() {
        if (recheck != null) {
            recheck.interrupt();
        }
        if (relay != null) {
            relay.close();
        }
        if (watch != null) {
            try {
                watch.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "ending the console's watch", e);
            }
        }
    }

    private static void refuse(Session session, String why) throws IOException {
        LOG.info("console connection " + session.getId() + " refused: " + why);
        session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, why));
    }

    private static ScreenTickets tickets() {
        return CDI.current().select(ScreenTickets.class).get();
    }
}
