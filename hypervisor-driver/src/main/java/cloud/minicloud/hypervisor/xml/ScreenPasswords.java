package cloud.minicloud.hypervisor.xml;

import java.security.SecureRandom;

/** Fresh passwords for guests' VNC screens: 8 random letters and digits, all VNC's DES key holds. */
public final class ScreenPasswords {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ScreenPasswords() {
    }

    public static String next() {
        StringBuilder password = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
