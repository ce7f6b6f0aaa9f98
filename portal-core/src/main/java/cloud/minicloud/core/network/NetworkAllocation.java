package cloud.minicloud.core.network;

/** The segment (VXLAN VNI) and subnet the control plane gave a new network. */
public record NetworkAllocation(int segmentId, String cidr) {

    /** How many /24 subnets 10.128.0.0/9 holds. */
    static final int SUBNETS = 32768;

    /** The n-th /24 of 10.128.0.0/9. */
    static String subnet(int index) {
        if (index < 0 || index >= SUBNETS) {
            throw new IllegalArgumentException("subnet " + index + " is outside 10.128.0.0/9");
        }
        return "10." + (128 + index / 256) + "." + (index % 256) + ".0/24";
    }

    /** Which /24 of 10.128.0.0/9 this network's subnet is. */
    int subnetIndex() {
        String[] octets = cidr.split("[./]");
        return (Integer.parseInt(octets[1]) - 128) * 256 + Integer.parseInt(octets[2]);
    }
}
