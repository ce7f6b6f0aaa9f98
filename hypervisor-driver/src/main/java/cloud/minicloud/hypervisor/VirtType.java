package cloud.minicloud.hypervisor;

/** How a node runs guests; recorded per node and shown to admins. */
public enum VirtType {
    /** Hardware virtualization, confirmed by a canary boot (capabilities alone can lie). */
    KVM("kvm"),
    /** Plain QEMU emulation (TCG): slower, works everywhere. */
    QEMU("qemu"),
    /** libvirt's in-memory test driver, for contract tests: guests are simulated. */
    TEST("test");

    private final String domainType;

    VirtType(String domainType) {
        this.domainType = domainType;
    }

    /** The value of libvirt's {@code <domain type=…>}. */
    public String domainType() {
        return domainType;
    }
}
