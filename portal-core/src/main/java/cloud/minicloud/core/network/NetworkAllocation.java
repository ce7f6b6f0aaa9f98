package cloud.minicloud.core.network;

/** The segment (VXLAN VNI) and subnet the control plane gave a new network. */
public record NetworkAllocation(int segmentId, String cidr) {

    /** The n-th /24 of 10.128.0.0/9. */
    static String subnet(int index) {
        if (index < 0 || index >= 32768) {
            throw new IllegalStateException("the tenant subnet range 10.128.0.0/9 is used up");
        }
        return "10." + (128 + index / 256) + "." + (index % 256) + ".0/24";
    }
}
