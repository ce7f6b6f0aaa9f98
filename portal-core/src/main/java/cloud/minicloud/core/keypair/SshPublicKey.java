package cloud.minicloud.core.keypair;

import cloud.minicloud.core.InvalidRequestException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SSH public key as one OpenSSH line ({@code type base64 [comment]}), checked: the base64 decodes
 * and the key it holds says the type the line says (RFC 4253 §6.6).
 */
public record SshPublicKey(String type, byte[] blob, String comment) {

    private static final int MAX_LINE = 4096;
    private static final Pattern LINE = Pattern.compile("((?:ssh|ecdsa|sk-ssh|sk-ecdsa)-[A-Za-z0-9@.-]+) ([A-Za-z0-9+/]+={0,2})(?: (.*))?");

    /** The key a line holds, or a refusal that shows what one looks like. */
    public static SshPublicKey parse(String text) {
        String line = text == null ? "" : text.strip();
        Matcher parts = LINE.matcher(line);
        if (line.length() > MAX_LINE || line.contains("\n") || !parts.matches()) {
            throw malformed();
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts.group(2));
        } catch (IllegalArgumentException notBase64) {
            throw malformed();
        }
        ByteBuffer read = ByteBuffer.wrap(blob);
        if (read.remaining() < 4 || read.getInt() != parts.group(1).length() || read.remaining() < parts.group(1).length()) {
            throw malformed();
        }
        byte[] type = new byte[parts.group(1).length()];
        read.get(type);
        if (!parts.group(1).equals(new String(type, StandardCharsets.US_ASCII))) {
            throw malformed();
        }
        return new SshPublicKey(parts.group(1), blob, parts.group(3) == null || parts.group(3).isBlank() ? null : parts.group(3).strip());
    }

    /**
     * The OpenSSH line of an RSA public key: "ssh-rsa", then its exponent and modulus as mpints
     * (which is what BigInteger's two's-complement bytes are).
     */
    static SshPublicKey rsa(RSAPublicKey key, String comment) {
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        write(blob, "ssh-rsa".getBytes(StandardCharsets.US_ASCII));
        write(blob, key.getPublicExponent().toByteArray());
        write(blob, key.getModulus().toByteArray());
        return new SshPublicKey("ssh-rsa", blob.toByteArray(), comment);
    }

    public String line() {
        return type + " " + Base64.getEncoder().encodeToString(blob) + (comment == null ? "" : " " + comment);
    }

    /** The MD5 fingerprint, as ECS shows a key pair's and {@code ssh-keygen -l -E md5} prints it (aa:bb:…). */
    public String md5Fingerprint() {
        try {
            return HexFormat.ofDelimiter(":").formatHex(MessageDigest.getInstance("MD5").digest(blob));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static void write(ByteArrayOutputStream out, byte[] field) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(field.length).array());
        out.writeBytes(field);
    }

    private static InvalidRequestException malformed() {
        return new InvalidRequestException("an SSH public key is one OpenSSH line, e.g. 'ssh-ed25519 AAAA... me@laptop'");
    }
}
