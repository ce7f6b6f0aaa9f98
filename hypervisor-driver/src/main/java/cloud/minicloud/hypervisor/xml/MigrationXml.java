package cloud.minicloud.hypervisor.xml;

import org.w3c.dom.Element;

/**
 * A running domain's XML as the target node defines it when the domain migrates there: its disks
 * in the target's pool directory (copied whole, so without the template as backing file), its
 * serial log where the target keeps them, and its screen listening where the target's screens do.
 * Its qcow2 disks detect zeroes and unmap them: the disk copy writes every unallocated region as
 * zeroes, which would otherwise allocate a moved disk to its full size. libvirt's ABI check
 * allows exactly these changes (paths, addresses and drivers' options, not devices).
 */
public final class MigrationXml {

    private MigrationXml() {
    }

    /**
     * @param sourcePool the source pool's directory
     * @param targetPool the target pool's directory
     * @param serialLog  the serial log's path on the target, or null to keep none
     * @param listen     the address the screen listens on at the target (null: 127.0.0.1)
     */
    public static String forTarget(String xml, String sourcePool, String targetPool, String serialLog, String listen) {
        Element domain = Xml.parse(xml);
        Element devices = Xml.first(domain, "devices").orElseThrow(() -> new IllegalArgumentException("no devices"));
        for (Element disk : Xml.children(devices, "disk")) {
            Xml.first(disk, "source").ifPresent(source -> {
                String file = source.getAttribute("file");
                if (file.startsWith(sourcePool + "/")) {
                    source.setAttribute("file", targetPool + file.substring(sourcePool.length()));
                }
            });
            Xml.children(disk, "backingStore").forEach(disk::removeChild);
            Xml.first(disk, "driver").filter(driver -> "qcow2".equals(driver.getAttribute("type"))).ifPresent(driver -> {
                driver.setAttribute("discard", "unmap");
                driver.setAttribute("detect_zeroes", "unmap");
            });
        }
        for (Element serial : Xml.children(devices, "serial")) {
            Xml.children(serial, "log").forEach(log -> {
                if (serialLog == null) {
                    serial.removeChild(log);
                } else {
                    log.setAttribute("file", serialLog);
                }
            });
        }
        String address = listen == null ? "127.0.0.1" : listen;
        for (Element graphics : Xml.children(devices, "graphics")) {
            graphics.setAttribute("listen", address);
            Xml.children(graphics, "listen").forEach(entry -> entry.setAttribute("address", address));
        }
        return Xml.print(domain);
    }
}
