package cloud.minicloud.core.keypair;

/** A key pair made here: the private key (PKCS#8 PEM, as OpenSSH reads it) is shown only this once and never kept. */
public record NewKeyPair(KeyPairView keyPair, String privateKeyPem) {

    @Override
    public String toString() {
        return "NewKeyPair[" + keyPair + "]"; // never the private key, in a log or an audit line
    }
}
