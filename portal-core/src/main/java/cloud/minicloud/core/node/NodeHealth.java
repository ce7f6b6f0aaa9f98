package cloud.minicloud.core.node;

/** How a node is doing, as its last probe and the calls made to it found. */
public enum NodeHealth {
    /** Not probed yet. */
    UNKNOWN,
    UP,
    /** It answers, but something is wrong (slow answers, a misconfigured host): the reason says what. */
    DEGRADED,
    /** Its libvirtd cannot be reached; tasks on it wait, new instances go elsewhere. */
    UNREACHABLE
}
