package cloud.minicloud.core.keypair;

import java.time.Instant;

/** A tenant's key pair: its name, MD5 fingerprint, public key and when it was made or imported. */
public record KeyPairView(String name, String fingerprint, String publicKey, Instant createdAt) {
}
