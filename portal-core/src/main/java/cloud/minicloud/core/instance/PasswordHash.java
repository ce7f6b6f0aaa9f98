package cloud.minicloud.core.instance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * SHA-512 crypt ({@code $6$salt$hash}, Drepper's specification, 5000 rounds): what a guest's
 * /etc/shadow and cloud-init's {@code password:} take. The portal keeps only this, never the
 * password a user typed.
 */
final class PasswordHash {

    private static final String ALPHABET = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int ROUNDS = 5000;
    private static final int SALT_LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {
    }

    static String sha512Crypt(String password) {
        StringBuilder salt = new StringBuilder();
        for (int i = 0; i < SALT_LENGTH; i++) {
            salt.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sha512Crypt(password, salt.toString());
    }

    static String sha512Crypt(String password, String salt) {
        byte[] p = password.getBytes(StandardCharsets.UTF_8);
        byte[] s = salt.getBytes(StandardCharsets.UTF_8);
        byte[] b = digest(p, s, p);

        MessageDigest a = sha512();
        a.update(p);
        a.update(s);
        feed(a, b, p.length);
        for (int i = p.length; i > 0; i >>= 1) {
            a.update((i & 1) != 0 ? b : p);
        }
        byte[] c = a.digest();

        MessageDigest dp = sha512();
        for (int i = 0; i < p.length; i++) {
            dp.update(p);
        }
        byte[] pSequence = repeat(dp.digest(), p.length);
        MessageDigest ds = sha512();
        for (int i = 0; i < 16 + (c[0] & 0xff); i++) {
            ds.update(s);
        }
        byte[] sSequence = repeat(ds.digest(), s.length);

        for (int round = 0; round < ROUNDS; round++) {
            MessageDigest r = sha512();
            r.update((round & 1) != 0 ? pSequence : c);
            if (round % 3 != 0) {
                r.update(sSequence);
            }
            if (round % 7 != 0) {
                r.update(pSequence);
            }
            r.update((round & 1) != 0 ? c : pSequence);
            c = r.digest();
        }

        StringBuilder out = new StringBuilder("$6$").append(salt).append('$');
        for (int i = 0; i < 21; i++) {
            int x = c[i] & 0xff;
            int y = c[i + 21] & 0xff;
            int z = c[i + 42] & 0xff;
            switch (i % 3) {
                case 0 -> encode(out, x, y, z, 4);
                case 1 -> encode(out, y, z, x, 4);
                default -> encode(out, z, x, y, 4);
            }
        }
        encode(out, 0, 0, c[63] & 0xff, 2);
        return out.toString();
    }

    private static void feed(MessageDigest digest, byte[] block, int length) {
        int left = length;
        for (; left > block.length; left -= block.length) {
            digest.update(block);
        }
        digest.update(block, 0, left);
    }

    private static byte[] repeat(byte[] block, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = block[i % block.length];
        }
        return out;
    }

    private static void encode(StringBuilder out, int b2, int b1, int b0, int chars) {
        int w = (b2 << 16) | (b1 << 8) | b0;
        for (int i = 0; i < chars; i++) {
            out.append(ALPHABET.charAt(w & 0x3f));
            w >>>= 6;
        }
    }

    private static byte[] digest(byte[]... parts) {
        MessageDigest digest = sha512();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    private static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-512", e);
        }
    }
}
