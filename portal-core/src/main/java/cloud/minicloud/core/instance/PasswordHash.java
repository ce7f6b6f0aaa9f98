package cloud.minicloud.core.instance;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.apache.commons.codec.digest.Sha2Crypt;

/**
 * SHA-512 crypt ({@code $6$salt$hash}, Drepper's specification, 5000 rounds): what a guest's
 * /etc/shadow and cloud-init's {@code password:} take. The portal keeps only this, never the
 * password a user typed. Commons Codec computes it; the salt is 16 random characters, the most
 * the scheme uses (Commons Codec's own would be 8).
 */
final class PasswordHash {

    private static final String SALT_ALPHABET = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int SALT_LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {
    }

    static String sha512Crypt(String password) {
        StringBuilder salt = new StringBuilder(SALT_LENGTH);
        for (int i = 0; i < SALT_LENGTH; i++) {
            salt.append(SALT_ALPHABET.charAt(RANDOM.nextInt(SALT_ALPHABET.length())));
        }
        return sha512Crypt(password, salt.toString());
    }

    static String sha512Crypt(String password, String salt) {
        return Sha2Crypt.sha512Crypt(password.getBytes(StandardCharsets.UTF_8), "$6$" + salt);
    }
}
