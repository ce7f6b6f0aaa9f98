package cloud.minicloud.web.console;

import cloud.minicloud.core.instance.InstanceScreen;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * noVNC's WebSocket, relayed byte for byte to the VNC server of the instance a one-time ticket
 * names. The browser never learns the node's address; a request without a valid ticket is closed.
 */
@ServerEndpoint(value = "/vnc/{ticket}", subprotocols = {"binary"})
public class ScreenProxy {

    private static final Logger LOG = Logger.getLogger(ScreenProxy.class.getName());
    private static final int CONNECT_TIMEOUT_MILLIS = 5000;
    private static final Map<String, Socket> SCREENS = new ConcurrentHashMap<>();

    @OnOpen
    public void open(Session session, @PathParam("ticket") String ticket) throws IOException {
        Optional<InstanceScreen> screen = CDI.current().select(ScreenTickets.class).get().redeem(ticket);
        if (screen.isEmpty()) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "no such console ticket; open the console again"));
            return;
        }
        Socket vnc = new Socket();
        vnc.connect(new InetSocketAddress(screen.get().host(), screen.get().port()), CONNECT_TIMEOUT_MILLIS);
        SCREENS.put(session.getId(), vnc);
        Thread.ofVirtual().name("vnc-" + session.getId()).start(() -> relayToBrowser(vnc, session));
    }

    @OnMessage
    public void fromBrowser(Session session, ByteBuffer data) throws IOException {
        Socket vnc = SCREENS.get(session.getId());
        if (vnc != null) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            vnc.getOutputStream().write(bytes);
        }
    }

    @OnClose
    public void close(Session session) {
        closeQuietly(SCREENS.remove(session.getId()));
    }

    @OnError
    public void failed(Session session, Throwable error) {
        LOG.log(Level.FINE, "console connection failed", error);
        closeQuietly(SCREENS.remove(session.getId()));
    }

    private static void relayToBrowser(Socket vnc, Session session) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = vnc.getInputStream()) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                session.getBasicRemote().sendBinary(ByteBuffer.wrap(buffer, 0, read));
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "console relay ended", e);
        } finally {
            try {
                session.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing the console socket", e);
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing the VNC connection", e);
            }
        }
    }
}
