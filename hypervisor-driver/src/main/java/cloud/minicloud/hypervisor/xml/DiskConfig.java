package cloud.minicloud.hypervisor.xml;

import org.w3c.dom.Element;

/** A disk of a domain: a qcow2 file on virtio, or a raw read-only CD-ROM (the first-boot seed). */
public record DiskConfig(String sourcePath, String targetDevice, boolean cdrom) {

    public static DiskConfig virtio(String sourcePath, String targetDevice) {
        return new DiskConfig(sourcePath, targetDevice, false);
    }

    public static DiskConfig cdrom(String sourcePath, String targetDevice) {
        return new DiskConfig(sourcePath, targetDevice, true);
    }

    void appendTo(Element devices) {
        Element disk = Xml.child(devices, "disk");
        disk.setAttribute("type", "file");
        disk.setAttribute("device", cdrom ? "cdrom" : "disk");
        Element driver = Xml.child(disk, "driver");
        driver.setAttribute("name", "qemu");
        driver.setAttribute("type", cdrom ? "raw" : "qcow2");
        Xml.child(disk, "source").setAttribute("file", sourcePath);
        Element target = Xml.child(disk, "target");
        target.setAttribute("dev", targetDevice);
        target.setAttribute("bus", cdrom ? "sata" : "virtio");
        if (cdrom) {
            Xml.child(disk, "readonly");
        }
    }

    static DiskConfig from(Element disk) {
        return new DiskConfig(Xml.attribute(disk, "file", "source"), Xml.attribute(disk, "dev", "target"),
                "cdrom".equals(disk.getAttribute("device")));
    }
}
