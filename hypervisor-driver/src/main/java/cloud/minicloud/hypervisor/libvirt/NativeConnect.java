package cloud.minicloud.hypervisor.libvirt;

import cloud.minicloud.hypervisor.HypervisorException;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.ArrayList;
import java.util.List;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;

/**
 * A libvirt-java connection that can also call the C functions the binding lacks
 * ({@link LibvirtNative}) on the same underlying virConnectPtr.
 */
final class NativeConnect extends Connect {

    /** A domain as the C API sees it: its XML and libvirt's virDomainState number. */
    record NativeDomain(String xml, int state) {
    }

    NativeConnect(String uri) throws LibvirtException {
        super(uri, false);
    }

    private Pointer pointer() {
        return vcp.getPointer();
    }

    /** Every domain with its XML and state, from one virConnectListAllDomains call (no race between lists). */
    List<NativeDomain> listAllDomains() {
        PointerByReference array = new PointerByReference();
        int count = LibvirtNative.LIBVIRT.virConnectListAllDomains(pointer(), array, 0);
        if (count < 0) {
            throw new HypervisorException("could not list domains: " + LibvirtNative.LIBVIRT.virGetLastErrorMessage());
        }
        List<NativeDomain> domains = new ArrayList<>(count);
        if (count == 0) {
            return domains;
        }
        Pointer[] pointers = array.getValue().getPointerArray(0, count);
        try {
            for (Pointer domain : pointers) {
                String xml = LibvirtNative.takeString(LibvirtNative.LIBVIRT.virDomainGetXMLDesc(domain, 0));
                IntByReference state = new IntByReference();
                IntByReference reason = new IntByReference();
                // A domain undefined since the list was made has no XML or state: leave it out.
                if (xml != null && LibvirtNative.LIBVIRT.virDomainGetState(domain, state, reason, 0) == 0) {
                    domains.add(new NativeDomain(xml, state.getValue()));
                }
            }
        } finally {
            for (Pointer domain : pointers) {
                LibvirtNative.LIBVIRT.virDomainFree(domain);
            }
            com.sun.jna.Native.free(Pointer.nativeValue(array.getValue()));
        }
        return domains;
    }

    /** Whether libvirt can describe guests of this virt type for x86_64 here (before trying a canary). */
    boolean offersDomainType(String virtType) {
        String capabilities = LibvirtNative.takeString(
                LibvirtNative.LIBVIRT.virConnectGetDomainCapabilities(pointer(), null, "x86_64", null, virtType, 0));
        return capabilities != null;
    }
}
