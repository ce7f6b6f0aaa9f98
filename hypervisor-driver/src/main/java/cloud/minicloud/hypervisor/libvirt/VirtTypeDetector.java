package cloud.minicloud.hypervisor.libvirt;

import cloud.minicloud.hypervisor.NodeSettings;
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
 * KVM is broken, libvirt advertises kvm, the guest runs its BIOS and then, once the kernel runs,
 * pauses with an emulation failure. So KVM counts only if a canary (the tiny image's kernel,
 * booted directly with {@code minicloud.canary}) reaches userspace and powers itself off in time;
 * one that pauses, or hangs without output as it does here, means emulation.
 */
final class VirtTypeDetector {

    // Under working KVM the canary reaches userspace in about a second (under TCG in about five);
    // under broken KVM it pauses or hangs, so waiting longer proves nothing.
    private static final long CANARY_MILLIS = 15_000;

    private VirtTypeDetector() {
    }

    static VirtType detect(NativeConnect connect, NodeSettings settings) throws LibvirtException {
        List<String> types = domainTypes(connect.getCapabilities());
        if (types.contains("test")) {
            return VirtType.TEST;
        }
        return types.contains("kvm") && connect.offersDomainType("kvm") && settings.canaryDir() != null
                && canaryBootsUnderKvm(connect, settings.canaryDir())
                ? VirtType.KVM
                : VirtType.QEMU;
    }

    /**
     * What the decision depends on: libvirt's and the hypervisor's versions and the host's CPU
     * model. Cheap to read; when it changes (an upgrade, another CPU) the canary runs again.
     */
    static String fingerprint(Connect connect) throws LibvirtException {
        Element host = Xml.children(Xml.parse(connect.getCapabilities()), "host").stream().findFirst().orElse(null);
        String cpu = host == null ? "" : Xml.children(host, "cpu").stream()
                .flatMap(c -> Xml.children(c, "model").stream())
                .map(Element::getTextContent)
                .findFirst()
                .orElse("");
        return "libvirt " + connect.getLibVersion() + "; " + connect.getType() + " " + connect.getVersion() + "; cpu " + cpu;
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

    /** True once the transient canary has powered itself off; false if it pauses, fails or takes too long. */
    private static boolean canaryBootsUnderKvm(Connect connect, String canaryDir) {
        DomainConfig canary = new DomainConfig(VirtType.KVM.domainType(), UUID.randomUUID(), "minicloud KVM canary",
                "minicloud", 1, 128, List.of(), List.of(), null, new DomainConfig.KernelBoot(
                        canaryDir + "/tiny-linux.vmlinuz", canaryDir + "/tiny-linux.initrd.gz",
                        "console=ttyS0 quiet panic=-1 minicloud.canary"), null, null);
        Domain domain = null;
        try {
            domain = connect.domainCreateXML(canary.toXml(), 0);
            long deadline = System.currentTimeMillis() + CANARY_MILLIS;
            while (System.currentTimeMillis() < deadline) {
                DomainState state;
                try {
                    state = domain.getInfo().state;
                } catch (LibvirtException gone) {
                    // A transient domain that powered off is gone: userspace ran under KVM.
                    domain = null;
                    return Libvirt.is(gone, org.libvirt.Error.ErrorNumber.VIR_ERR_NO_DOMAIN);
                }
                if (state == DomainState.VIR_DOMAIN_SHUTOFF) {
                    return true;
                }
                if (state == DomainState.VIR_DOMAIN_PAUSED || state == DomainState.VIR_DOMAIN_CRASHED) {
                    return false;
                }
                Thread.sleep(200);
            }
            return false;
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
