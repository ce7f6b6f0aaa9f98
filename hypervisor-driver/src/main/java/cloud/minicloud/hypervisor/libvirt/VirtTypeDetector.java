package cloud.minicloud.hypervisor.libvirt;

import cloud.minicloud.hypervisor.VirtType;
import cloud.minicloud.hypervisor.xml.DomainConfig;
import cloud.minicloud.hypervisor.xml.Xml;
import java.util.List;
import java.util.UUID;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainInfo.DomainState;
import org.libvirt.LibvirtException;
import org.w3c.dom.Element;

/**
 * Decides how a node runs guests. Capabilities alone are not trusted: where /dev/kvm exists but
 * KVM is broken, libvirt advertises kvm and the guest then pauses with an emulation failure. So
 * KVM counts only if a short canary guest keeps running.
 */
final class VirtTypeDetector {

    private static final long CANARY_MILLIS = 3000;

    private VirtTypeDetector() {
    }

    static VirtType detect(Connect connect) throws LibvirtException {
        List<String> types = domainTypes(connect.getCapabilities());
        if (types.contains("test")) {
            return VirtType.TEST;
        }
        return types.contains("kvm") && canaryRunsUnderKvm(connect) ? VirtType.KVM : VirtType.QEMU;
    }

    static List<String> domainTypes(String capabilities) {
        Element root = Xml.parse(capabilities);
        return Xml.children(root, "guest").stream()
                .flatMap(guest -> Xml.children(guest, "arch").stream())
                .flatMap(arch -> Xml.children(arch, "domain").stream())
                .map(domain -> domain.getAttribute("type"))
                .distinct()
                .toList();
    }

    private static boolean canaryRunsUnderKvm(Connect connect) {
        DomainConfig canary = new DomainConfig(VirtType.KVM.domainType(), UUID.randomUUID(), "minicloud KVM canary",
                "minicloud", 1, 64, List.of(), List.of(), null);
        Domain domain = null;
        try {
            domain = connect.domainCreateXML(canary.toXml(), 0);
            long deadline = System.currentTimeMillis() + CANARY_MILLIS;
            while (System.currentTimeMillis() < deadline) {
                if (domain.getInfo().state != DomainState.VIR_DOMAIN_RUNNING) {
                    return false;
                }
                Thread.sleep(200);
            }
            return true;
        } catch (LibvirtException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            if (domain != null) {
                try {
                    domain.destroy();
                } catch (LibvirtException ignored) {
                    // a transient canary that stopped by itself is gone already
                }
            }
        }
    }
}
