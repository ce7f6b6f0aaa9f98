package cloud.minicloud.web.console;

import cloud.minicloud.core.instance.InstanceScreen;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One browser's view of one screen. The proxy has already passed the VNC server's password
 * challenge; towards the browser it plays a server that asks for no password, then relays bytes
 * both ways unchanged. Either side closing, or {@link #close}, ends both.
 */
final class ScreenRelay implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ScreenRelay.class.getName());
    private static final int CONNECT_TIMEOUT_MILLIS = 5000;
    private static final int GREETING_TIMEOUT_MILLIS = 10000;

    /** How far the browser is through its greeting: the version, then its choice of security. */
    private enum Stage { VERSION, SECURITY, RELAYING }

    private final Socket screen;
    private final Session browser;
    private final ByteArrayOutputStream greeting = new ByteArrayOutputStream();
    private Stage stage = Stage.VERSION;
    private boolean securityResult;

    private ScreenRelay(Socket screen, Session browser) {
        this.screen = screen;
        this.browser = browser;
    }

    /** Connects to the screen, passes its challenge and greets the browser; the relay then runs by itself. */
    static ScreenRelay open(InstanceScreen target, Session browser) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(target.host(), target.port()), CONNECT_TIMEOUT_MILLIS);
            socket.setSoTimeout(GREETING_TIMEOUT_MILLIS);
            VncAuthentication.authenticate(socket.getInputStream(), socket.getOutputStream(), target.password());
            socket.setSoTimeout(0);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        ScreenRelay relay = new ScreenRelay(socket, browser);
        relay.toBrowser(VncAuthentication.VERSION);
        Thread.ofVirtual().name("vnc-" + browser.getId()).start(relay::relayToBrowser);
        return relay;
    }

    /** Bytes from the browser: its greeting is answered here, everything after goes to the screen. */
    synchronized void fromBrowser(ByteBuffer data) throws IOException {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        if (stage == Stage.RELAYING) {
            toScreen(bytes);
            return;
        }
        greeting.write(bytes);
        byte[] pending = greeting.toByteArray();
        int used = 0;
        if (stage == Stage.VERSION && pending.length >= VncAuthentication.VERSION.length) {
            String version = new String(pending, 0, VncAuthentication.VERSION.length, StandardCharsets.US_ASCII);
            if (!version.equals("RFB 003.008\n") && !version.equals("RFB 003.007\n")) {
                close("the browser's VNC client is too old");
                return;
            }
            securityResult = version.equals("RFB 003.008\n"); // 3.7 has no result after "none"
            used = VncAuthentication.VERSION.length;
            toBrowser(new byte[] {1, VncAuthentication.NONE});
            stage = Stage.SECURITY;
        }
        if (stage == Stage.SECURITY && pending.length > used) {
            if (pending[used] != VncAuthentication.NONE) {
                close("the browser chose a security type the portal did not offer");
                return;
            }
            used++;
            if (securityResult) {
                toBrowser(new byte[] {0, 0, 0, 0});
            }
            stage = Stage.RELAYING;
            if (pending.length > used) {
                toScreen(Arrays.copyOfRange(pending, used, pending.length));
            }
            greeting.reset();
            return;
        }
        greeting.reset();
        greeting.write(pending, used, pending.length - used);
    }

    /** Ends the relay and tells the browser why (at most 123 bytes: a WebSocket close reason). */
    void close(String reason) {
        closeScreen();
        if (browser.isOpen()) {
            try {
                browser.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, reason));
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing the console socket", e);
            }
        }
    }

    @Override
    public void close() {
        closeScreen();
    }

    private void toScreen(byte[] bytes) throws IOException {
        OutputStream out = screen.getOutputStream();
        out.write(bytes);
        out.flush();
    }

    private void toBrowser(byte[] bytes) throws IOException {
        browser.getBasicRemote().sendBinary(ByteBuffer.wrap(bytes));
    }

    private void relayToBrowser() {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = screen.getInputStream()) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                browser.getBasicRemote().sendBinary(ByteBuffer.wrap(buffer, 0, read));
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "console relay ended", e);
        } finally {
            close("the screen closed");
        }
    }

    private void closeScreen() {
        try {
            screen.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing the VNC connection", e);
        }
    }
}
