package cloud.minicloud.web.console;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The proxy's side of a VNC server's greeting (RFB 3.8, RFC 6143 §7.1–7.2): it agrees the version
 * and answers the password challenge with the instance's screen password, so the browser is then
 * handed a screen that needs none and never learns the password.
 */
final class VncAuthentication {

    static final byte[] VERSION = "RFB 003.008\n".getBytes(StandardCharsets.US_ASCII);
    static final int NONE = 1;
    static final int VNC_PASSWORD = 2;

    private VncAuthentication() {
    }

    /** Leaves the server past its security result, waiting for the client's ClientInit. */
    static void authenticate(InputStream fromServer, OutputStream toServer, String password) throws IOException {
        DataInputStream in = new DataInputStream(fromServer);
        byte[] version = new byte[VERSION.length];
        in.readFully(version);
        if (!new String(version, StandardCharsets.US_ASCII).startsWith("RFB 003.")) {
            throw new IOException("the screen does not speak VNC");
        }
        toServer.write(VERSION);
        toServer.flush();
        int count = in.readUnsignedByte();
        if (count == 0) {
            throw new IOException("the screen refused the connection: " + reason(in));
        }
        byte[] types = new byte[count];
        in.readFully(types);
        if (password != null && contains(types, VNC_PASSWORD)) {
            toServer.write(VNC_PASSWORD);
            byte[] challenge = new byte[16];
            in.readFully(challenge);
            toServer.write(response(challenge, password));
        } else if (password == null && contains(types, NONE)) {
            toServer.write(NONE);
        } else {
            throw new IOException("the screen offers no way in that the portal can take");
        }
        toServer.flush();
        if (in.readInt() != 0) {
            throw new IOException("the screen did not accept the portal: " + reason(in));
        }
    }

    /**
     * VNC's answer to a challenge: DES in ECB mode, keyed by the password's first 8 bytes with the
     * bits of each byte reversed (a quirk of the original implementation every server keeps).
     */
    static byte[] response(byte[] challenge, String password) {
        byte[] key = new byte[8];
        byte[] bytes = password.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < key.length && i < bytes.length; i++) {
            key[i] = (byte) (Integer.reverse(bytes[i] & 0xff) >>> 24);
        }
        try {
            Cipher des = Cipher.getInstance("DES/ECB/NoPadding");
            des.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "DES"));
            return des.doFinal(challenge);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no DES for VNC's challenge", e);
        }
    }

    private static boolean contains(byte[] types, int type) {
        for (byte t : types) {
            if (t == type) {
                return true;
            }
        }
        return false;
    }

    private static String reason(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > 4096) {
            return "(no reason given)";
        }
        byte[] text = new byte[length];
        in.readFully(text);
        return new String(text, StandardCharsets.UTF_8);
    }
}
