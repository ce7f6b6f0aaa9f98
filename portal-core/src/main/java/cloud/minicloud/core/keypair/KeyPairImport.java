package cloud.minicloud.core.keypair;

/** A public key a tenant brings, under the name it is to have. */
public record KeyPairImport(String name, String publicKey) implements cloud.minicloud.core.audit.AuditTarget {

    @Override
    public String auditTarget() {
        return name;
    }
}
