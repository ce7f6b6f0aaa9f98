package cloud.minicloud.hypervisor.xml;

import org.w3c.dom.Element;

/**
 * A disk of a domain on virtio: a qcow2 disk, or the raw read-only first-boot seed (cloud-init
 * finds it by its cidata label on any block device).
 */
public record DiskConfig(String sourcePath, String targetDevice, boolean seed) {

    public static DiskConfig virtio(String sourcePath, String targetDevice) {
        return new DiskConfig(sourcePath, targetDevice, false);
    }

    public static DiskConfig seed(String sourcePath, String targetDevice) {
        return new DiskConfig(sourcePath, targetDevice, true);
    }

    void appendTo(Element devices) {
        Element disk = Xml.child(devices, "disk");
        disk.setAttribute("type", "file");
        disk.setAttribute("device", "disk");
        Element driver = Xml.child(disk, "driver");
        driver.setAttribute("name", "qemu");
        driver.setAttribute("type", seed ? "raw" : "qcow2");
        Xml.child(disk, "source").setAttribute("file", sourcePath);
        Element target = Xml.child(disk, "target");
        target.setAttribute("dev", targetDevice);
        target.setAttribute("bus", "virtio");
        if (seed) {
            Xml.child(disk, "readonly");
        }
    }

    static DiskConfig from(Element disk) {
        return new DiskConfig(Xml.attribute(disk, "file", "source"), Xml.attribute(disk, "dev", "target"),
                Xml.first(disk, "readonly").isPresent());
    }
}
