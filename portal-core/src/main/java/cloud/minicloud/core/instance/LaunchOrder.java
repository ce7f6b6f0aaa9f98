package cloud.minicloud.core.instance;

/**
 * What a user orders, as given (the service validates it).
 *
 * @param network        the id of one of the tenant's networks
 * @param systemDiskGib  null for the default: the image's minimum, at least {@link InstanceService#DEFAULT_DISK_GIB}
 * @param count          null for one
 * @param zone           the zone to place in, or null for any
 */
public record LaunchOrder(String name, String flavor, String image, String network, Integer systemDiskGib,
                          String password, String sshKey, Integer count, String zone) {
}
