package cloud.minicloud.hypervisor;

/**
 * What a driver can do on its node. An operation it declares unsupported fails at once with
 * {@link UnsupportedOperationException}, never half-done.
 *
 * @param templateUpload whether volumes can be streamed to the node: templates and first-boot seeds
 *                       (libvirt's test driver cannot)
 * @param realGuests     whether guests really run (and so boot, print and answer on the network)
 * @param serialLog      whether the serial console log can be read (a local node with a log directory)
 */
public record DriverCapabilities(boolean templateUpload, boolean realGuests, boolean serialLog) {
}
