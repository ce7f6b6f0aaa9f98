package cloud.minicloud.core.instance;

import org.apache.commons.codec.digest.Sha2Crypt;

/**
 * SHA-512 crypt ({@code $6$salt$hash}, Drepper's specification, 5000 rounds): what a guest's
 * /etc/shadow and cloud-init's {@code password:} take. The portal keeps only this, never the
 * password a user typed. Commons Codec computes it, with a random 16-character salt.
 */
final class PasswordHash {

    private PasswordHash() {
    }

    static String sha512Crypt(String password) {
        return Sha2Crypt.sha512Crypt(password.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static String sha512Crypt(String password, String salt) {
        return Sha2Crypt.sha512Crypt(password.getBytes(java.nio.charset.StandardCharsets.UTF_8), "$6$" + salt);
    }
}
