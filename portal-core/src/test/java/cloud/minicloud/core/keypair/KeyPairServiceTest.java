package cloud.minicloud.core.keypair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.minicloud.core.ConflictException;
import cloud.minicloud.core.InvalidRequestException;
import cloud.minicloud.core.NotFoundException;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.testing.TestCloud;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A tenant's key pairs: imported with ssh-keygen's fingerprint, made with a private key that works, kept apart per tenant. */
class KeyPairServiceTest {

    private static final Caller ANN = TestCloud.member("ann", "acme");
    private static final Caller BOB = TestCloud.member("bob", "globex");
    /** Made with ssh-keygen -t ed25519; `ssh-keygen -l -E md5` printed the fingerprint below. */
    private static final String ANNS_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGsQXlYFNeoacFBN73jvZyjCnrNtSlSm87vIq7cWOcNj ann@laptop";

    private final TestCloud cloud = new TestCloud();

    @AfterEach
    void close() throws Exception {
        cloud.close();
    }

    @Test
    void an_imported_key_has_ssh_keygens_fingerprint_and_is_its_tenants_alone() {
        KeyPairView imported = cloud.keyPairs.importKey(ANN, new KeyPairImport("laptop", " " + ANNS_KEY + "\n"));

        assertEquals("3e:9b:3a:4e:0b:04:84:48:84:77:37:5e:f7:02:85:7e", imported.fingerprint());
        assertEquals(ANNS_KEY, cloud.keyPairs.get(ANN, "laptop").publicKey());
        assertThrows(NotFoundException.class, () -> cloud.keyPairs.get(BOB, "laptop"));
        assertEquals(0, cloud.keyPairs.count(BOB, null));
        assertEquals("name-taken", assertThrows(ConflictException.class,
                () -> cloud.keyPairs.importKey(ANN, new KeyPairImport("laptop", ANNS_KEY))).kind());
        for (String bad : List.of("not a key", "ssh-ed25519 AAAA", "ssh-rsa " + ANNS_KEY.split(" ")[1], ANNS_KEY + "\n" + ANNS_KEY)) {
            assertThrows(InvalidRequestException.class, () -> cloud.keyPairs.importKey(ANN, new KeyPairImport("other", bad)), bad);
        }
        assertThrows(InvalidRequestException.class, () -> cloud.keyPairs.importKey(ANN, new KeyPairImport("1st", ANNS_KEY)));
        assertEquals(1, cloud.keyPairs.count(ANN, null));
    }

    @Test
    void a_made_key_pairs_private_key_signs_what_its_public_key_verifies_and_deleting_is_all_or_none() throws Exception {
        NewKeyPair made = cloud.keyPairs.create(ANN, "ci-deploy");

        PrivateKey privateKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder()
                .decode(made.privateKeyPem().replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", ""))));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(privateKey);
        signer.update("hello".getBytes(StandardCharsets.UTF_8));
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(rsa(cloud.keyPairs.get(ANN, "ci-deploy").publicKey()));
        verifier.update("hello".getBytes(StandardCharsets.UTF_8));
        assertTrue(verifier.verify(signer.sign()), "the private key answered once belongs to the public key kept");
        assertTrue(made.keyPair().publicKey().startsWith("ssh-rsa AAAAB3NzaC1yc2E"), made.keyPair().publicKey());
        assertTrue(!made.toString().contains("PRIVATE KEY"), "a printed key pair never shows its private key");

        cloud.keyPairs.importKey(ANN, new KeyPairImport("laptop", ANNS_KEY));
        assertThrows(NotFoundException.class, () -> cloud.keyPairs.delete(ANN, List.of("laptop", "no-such")));
        assertEquals(2, cloud.keyPairs.count(ANN, null), "nothing deleted when one name is not found");
        cloud.keyPairs.delete(ANN, List.of("laptop", "ci-deploy"));
        assertEquals(0, cloud.keyPairs.count(ANN, null));
    }

    /** The RSA public key an OpenSSH "ssh-rsa" line holds: its exponent and modulus, read back independently. */
    private static PublicKey rsa(String line) throws Exception {
        ByteBuffer blob = ByteBuffer.wrap(Base64.getDecoder().decode(line.split(" ")[1]));
        String type = new String(next(blob), StandardCharsets.US_ASCII);
        assertEquals("ssh-rsa", type);
        BigInteger exponent = new BigInteger(next(blob));
        BigInteger modulus = new BigInteger(next(blob));
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
    }

    private static byte[] next(ByteBuffer blob) {
        byte[] field = new byte[blob.getInt()];
        blob.get(field);
        return field;
    }
}
