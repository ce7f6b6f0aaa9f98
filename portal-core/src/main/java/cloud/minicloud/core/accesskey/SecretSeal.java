package cloud.minicloud.core.accesskey;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals AccessKey secrets for the database with AES-256-GCM under a key derived from the cloud's
 * secret. The key's id is bound in as associated data: a sealed secret copied onto another key's
 * row does not open. A copy of the database without the cloud's secrets reveals no secret.
 */
final class SecretSeal {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    SecretSeal(String cloudSecret) {
        try {
            byte[] derived = MessageDigest.getInstance("SHA-256")
                    .digest(("minicloud access keys\0" + cloudSecret).getBytes(StandardCharsets.UTF_8));
            key = new SecretKeySpec(derived, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] seal(String keyId, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = cipher(Cipher.ENCRYPT_MODE, keyId, nonce).apply(secret.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    }

    String open(String keyId, byte[] sealed) {
        byte[] nonce = java.util.Arrays.copyOf(sealed, NONCE_BYTES);
        byte[] body = java.util.Arrays.copyOfRange(sealed, NONCE_BYTES, sealed.length);
        return new String(cipher(Cipher.DECRYPT_MODE, keyId, nonce).apply(body), StandardCharsets.UTF_8);
    }

    private interface Step {
        byte[] apply(byte[] input);
    }

    private Step cipher(int mode, String keyId, byte[] nonce) {
        return input -> {
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
                cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
                return cipher.doFinal(input);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("an AccessKey secret could not be " + (mode == Cipher.ENCRYPT_MODE
                        ? "sealed" : "opened: the cloud's secret access-key-seal is not the one it was sealed with"), e);
            }
        };
    }
}
