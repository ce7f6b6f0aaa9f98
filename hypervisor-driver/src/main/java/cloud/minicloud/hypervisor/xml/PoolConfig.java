package cloud.minicloud.hypervisor.xml;

import org.w3c.dom.Element;

/** A directory storage pool: where a node keeps templates and instance disks. */
public record PoolConfig(String name, String path) {

    public String toXml() {
        Element pool = Xml.root("pool");
        pool.setAttribute("type", "dir");
        Xml.child(pool, "name", name);
        Xml.child(Xml.child(pool, "target"), "path", path);
        return Xml.print(pool);
    }

    public static PoolConfig parse(String xml) {
        Element pool = Xml.parse(xml);
        return new PoolConfig(Xml.text(pool, "name"), Xml.text(pool, "target", "path"));
    }
}
