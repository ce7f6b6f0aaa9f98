package cloud.minicloud.web.wiring;

import cloud.minicloud.core.config.CloudSettings;
import cloud.minicloud.hypervisor.HypervisorDriverFactory;
import cloud.minicloud.hypervisor.libvirt.LibvirtHypervisorDriver;
import cloud.minicloud.web.keycloak.KeycloakAdminSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one place that reads the environment, and that names the driver technology. */
@ApplicationScoped
public class Wiring {

    @Produces
    @Singleton
    CloudSettings settings() {
        return CloudSettings.from(System.getenv(), Boolean.getBoolean("minicloud.failpoints"),
                System.getProperty("minicloud.failpoints.arm"));
    }

    @Produces
    @Singleton
    KeycloakAdminSettings keycloakAdmin() {
        return KeycloakAdminSettings.from(System.getenv());
    }

    @Produces
    @Singleton
    HypervisorDriverFactory drivers() {
        return LibvirtHypervisorDriver::new;
    }
}
