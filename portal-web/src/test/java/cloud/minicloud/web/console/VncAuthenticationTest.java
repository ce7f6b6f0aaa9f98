package cloud.minicloud.web.console;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class VncAuthenticationTest {

    private static final byte[] CHALLENGE = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");

    /** Computed apart from this code: openssl enc -des-ecb -nopad -K 1a9eccd60a9c8e86 (the key's bits reversed per byte). */
    private static final String ANSWER = "91903537ecbcbabe6e63d1fb38a72abe";

    @Test
    void the_challenge_is_answered_as_vnc_servers_check_it() {
        assertEquals(ANSWER, HexFormat.of().formatHex(VncAuthentication.response(CHALLENGE, "Xy3kP9qa")));
    }

    @Test
    void a_password_protected_screen_is_entered_with_its_password() throws IOException {
        ByteArrayOutputStream sent = new ByteArrayOutputStream();

        VncAuthentication.authenticate(server(new byte[] {2, 1, 2}, CHALLENGE, new byte[] {0, 0, 0, 0}), sent, "Xy3kP9qa");

        ByteBuffer answer = ByteBuffer.wrap(sent.toByteArray());
        byte[] version = new byte[12];
        answer.get(version);
        assertArrayEquals(VncAuthentication.VERSION, version);
        assertEquals(VncAuthentication.VNC_PASSWORD, answer.get(), "the password is used even where 'none' is offered too");
        byte[] response = new byte[16];
        answer.get(response);
        assertEquals(ANSWER, HexFormat.of().formatHex(response));
    }

    @Test
    void a_wrong_password_is_an_error_with_the_servers_reason() {
        byte[] reason = "Authentication failed".getBytes();
        IOException refused = assertThrows(IOException.class, () -> VncAuthentication.authenticate(
                server(new byte[] {1, 2}, CHALLENGE, new byte[] {0, 0, 0, 1, 0, 0, 0, (byte) reason.length}, reason),
                new ByteArrayOutputStream(), "wrong"));
        assertTrue(refused.getMessage().contains("Authentication failed"), refused.getMessage());
    }

    @Test
    void a_screen_without_a_password_is_not_entered_where_one_is_expected() {
        IOException refused = assertThrows(IOException.class, () -> VncAuthentication.authenticate(
                server(new byte[] {1, 1}), new ByteArrayOutputStream(), "Xy3kP9qa"));
        assertTrue(refused.getMessage().contains("no way in"), refused.getMessage());
    }

    @Test
    void an_older_guest_without_a_screen_password_is_entered_with_none() throws IOException {
        ByteArrayOutputStream sent = new ByteArrayOutputStream();

        VncAuthentication.authenticate(server(new byte[] {1, 1}, new byte[] {0, 0, 0, 0}), sent, null);

        assertEquals(VncAuthentication.NONE, sent.toByteArray()[12]);
    }

    /** What a VNC server sends, in order, after its version. */
    private static ByteArrayInputStream server(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(VncAuthentication.VERSION);
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return new ByteArrayInputStream(out.toByteArray());
    }
}
