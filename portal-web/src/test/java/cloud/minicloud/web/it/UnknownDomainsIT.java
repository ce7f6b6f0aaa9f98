package cloud.minicloud.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.minicloud.hypervisor.xml.DomainConfig;
import jakarta.json.JsonArray;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.libvirt.Connect;
import org.libvirt.Domain;

/** A guest of this cloud on the node that no instance accounts for is reported to cloud admins by the sweep. */
class UnknownDomainsIT {

    @Test
    void a_stray_guest_on_the_node_is_reported_to_cloud_admins_only() throws Exception {
        UUID stray = UUID.randomUUID();
        String xml = new DomainConfig("qemu", stray, "stray guest", "acme", 1, 64, List.of(), List.of(), null, null, null, null).toXml();
        Connect node = new Connect("qemu:///system");
        Domain domain = node.domainDefineXML(xml);
        try {
            String admin = Api.tokenFor("admin");
            boolean reported = false;
            for (int i = 0; i < 60 && !reported; i++) {
                Thread.sleep(1000);
                JsonArray local = Api.get("/api/v1/admin/nodes/unknown-domains", admin).object().getJsonArray("local");
                reported = local != null && local.stream().anyMatch(id -> id.toString().equals("\"" + stray + "\""));
            }
            assertTrue(reported, "the sweep reports the stray guest");
            assertEquals(403, Api.get("/api/v1/admin/nodes/unknown-domains", Api.tokenFor("ann")).status());
        } finally {
            domain.undefine();
            node.close();
        }
    }
}
