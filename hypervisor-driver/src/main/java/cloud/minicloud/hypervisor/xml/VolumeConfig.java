package cloud.minicloud.hypervisor.xml;

import org.w3c.dom.Element;

/**
 * A volume: qcow2, optionally a copy-on-write child of a backing file (a linked clone of a
 * template), or raw (a first-boot seed).
 *
 * @param format      qcow2 or raw
 * @param backingPath the template's path, or null for a volume of its own
 */
public record VolumeConfig(String name, long capacityBytes, String format, String backingPath) {

    public static VolumeConfig qcow2(String name, long capacityBytes, String backingPath) {
        return new VolumeConfig(name, capacityBytes, "qcow2", backingPath);
    }

    public static VolumeConfig raw(String name, long capacityBytes) {
        return new VolumeConfig(name, capacityBytes, "raw", null);
    }

    public String toXml() {
        Element volume = Xml.root("volume");
        Xml.child(volume, "name", name);
        Xml.child(volume, "capacity", Long.toString(capacityBytes)).setAttribute("unit", "bytes");
        Xml.child(Xml.child(volume, "target"), "format").setAttribute("type", format);
        if (backingPath != null) {
            Element backing = Xml.child(volume, "backingStore");
            Xml.child(backing, "path", backingPath);
            Xml.child(backing, "format").setAttribute("type", "qcow2");
        }
        return Xml.print(volume);
    }

    public static VolumeConfig parse(String xml) {
        Element volume = Xml.parse(xml);
        return new VolumeConfig(Xml.text(volume, "name"), bytes(volume), Xml.attribute(volume, "type", "target", "format"),
                Xml.text(volume, "backingStore", "path"));
    }

    private static long bytes(Element volume) {
        long amount = Long.parseLong(Xml.text(volume, "capacity"));
        String unit = Xml.attribute(volume, "unit", "capacity");
        return amount * switch (unit == null ? "bytes" : unit) {
            case "bytes", "B", "b" -> 1L;
            case "KiB", "K", "k" -> 1L << 10;
            case "MiB", "M" -> 1L << 20;
            case "GiB", "G" -> 1L << 30;
            case "TiB", "T" -> 1L << 40;
            default -> throw new IllegalArgumentException("unknown capacity unit " + unit);
        };
    }
}
