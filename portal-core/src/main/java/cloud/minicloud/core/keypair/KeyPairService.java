package cloud.minicloud.core.keypair;

import cloud.minicloud.core.ConflictException;
import cloud.minicloud.core.InvalidRequestException;
import cloud.minicloud.core.NotFoundException;
import cloud.minicloud.core.audit.Audited;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.quota.TenantEnrolment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A tenant's SSH key pairs: imported (a public key the user has) or made here (RSA 2048; the
 * private key is answered once and never kept), listed, and deleted; an instance launched with a
 * key pair's name gets its public key. Another tenant's key pair is not found.
 */
@ApplicationScoped
@Transactional
public class KeyPairService {

    /** ECS's rule: 2 to 128 characters, starting with a letter; letters, digits, '.', '_', ':' and '-'. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._:-]{1,127}");
    private static final int RSA_BITS = 2048;

    @Inject
    KeyPairRepository keyPairs;

    @Inject
    TenantEnrolment enrolment;

    @Audited
    public KeyPairView importKey(Caller caller, KeyPairImport request) {
        return add(caller, request.name(), SshPublicKey.parse(request.publicKey()));
    }

    /** Makes a key pair: its private key is in the answer, in PKCS#8 PEM (OpenSSH reads it), and nowhere else. */
    @Audited
    public NewKeyPair create(Caller caller, String name) {
        java.security.KeyPair made = generator().generateKeyPair();
        KeyPairView stored = add(caller, name, SshPublicKey.rsa((RSAPublicKey) made.getPublic(), name));
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).encodeToString(made.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        return new NewKeyPair(stored, pem);
    }

    public KeyPairView get(Caller caller, String name) {
        return keyPairs.find(enrolment.tenantOf(caller).id(), name == null ? "" : name)
                .orElseThrow(() -> new NotFoundException("key pair", name));
    }

    /** The tenant's key pairs whose names contain {@code name} (null: all), by name. */
    public List<KeyPairView> list(Caller caller, String name, int offset, int limit) {
        return keyPairs.list(enrolment.tenantOf(caller).id(), name, offset, limit);
    }

    public long count(Caller caller, String name) {
        return keyPairs.count(enrolment.tenantOf(caller).id(), name);
    }

    /** Deletes the named key pairs, all or none: a name the tenant has no key pair of is not found. */
    @Audited
    public void delete(Caller caller, List<String> names) {
        long tenant = enrolment.tenantOf(caller).id();
        names.forEach(name -> get(caller, name));
        names.forEach(name -> keyPairs.remove(tenant, name));
    }

    private KeyPairView add(Caller caller, String name, SshPublicKey key) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidRequestException("a key pair's name is 2 to 128 letters, digits, '.', '_', ':' and '-', starting with a letter");
        }
        KeyPairView keyPair = new KeyPairView(name, key.md5Fingerprint(), key.line(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
        if (!keyPairs.add(enrolment.tenantOf(caller).id(), keyPair)) {
            throw new ConflictException("name-taken", "your tenant has a key pair named " + name + " already; choose another name");
        }
        return keyPair;
    }

    private static KeyPairGenerator generator() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_BITS);
            return generator;
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
