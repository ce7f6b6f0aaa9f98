package cloud.minicloud.web.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The core and billing without the web layer, for Arquillian tests that call their services inside WildFly. */
final class CoreDeployment {

    private CoreDeployment() {
    }

    static WebArchive war(String name) {
        return ShrinkWrap.create(WebArchive.class, name)
                .addPackages(true, "cloud.minicloud.core", "cloud.minicloud.billing", "cloud.minicloud.image",
                        "cloud.minicloud.hypervisor")
                // The fake driver is for unit tests; the settings and the libvirt driver come from the WAR's wiring.
                .deletePackages(true, "cloud.minicloud.hypervisor.fake")
                .addClass(cloud.minicloud.web.wiring.Wiring.class)
                // The tenant use cases reach Keycloak through this directory (never called here).
                .addPackage(cloud.minicloud.web.keycloak.KeycloakTenantDirectory.class.getPackage())
                // The core reaches compute nodes through the libvirt driver, Keycloak through its
                // admin client: their libraries come along.
                .addAsLibraries(jarOf(org.libvirt.Connect.class), jarOf(com.sun.jna.Native.class),
                        jarOf(org.keycloak.admin.client.Keycloak.class),
                        jarOf(org.keycloak.representations.idm.OrganizationRepresentation.class),
                        jarOf(org.eclipse.microprofile.openapi.annotations.media.Schema.class),
                        // Billing writes statements with these.
                        jarOf(org.apache.commons.csv.CSVFormat.class), jarOf(com.lowagie.text.Document.class))
                .addAsResource("META-INF/persistence.xml")
                .addAsResource("cloud/minicloud/billing/pdf/report.properties")
                .addAsResource("cloud/minicloud/billing/pdf/report_zh_CN.properties")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    private static java.io.File jarOf(Class<?> type) {
        try {
            return new java.io.File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
