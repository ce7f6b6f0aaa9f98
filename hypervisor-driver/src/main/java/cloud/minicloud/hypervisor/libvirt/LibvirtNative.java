package cloud.minicloud.hypervisor.libvirt;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The libvirt C functions that libvirt-java 0.5.4 does not wrap, declared against libvirt.so.
 * Strings libvirt returns are {@code char*} the caller must free, hence {@link Pointer} returns.
 */
interface LibvirtNative extends Library {

    LibvirtNative LIBVIRT = Native.load("virt", LibvirtNative.class);

    /** virConnectListAllDomains: every domain, running or not, in one consistent call. */
    int virConnectListAllDomains(Pointer connect, PointerByReference domains, int flags);

    int virDomainGetState(Pointer domain, IntByReference state, IntByReference reason, int flags);

    Pointer virDomainGetXMLDesc(Pointer domain, int flags);

    int virDomainFree(Pointer domain);

    Pointer virConnectGetDomainCapabilities(Pointer connect, String emulatorBin, String arch, String machine,
                                            String virtType, int flags);

    /** VIR_DOMAIN_DESTROY_GRACEFUL: SIGTERM only, so that QEMU can flush its disk caches. */
    int DESTROY_GRACEFUL = 1;

    Pointer virDomainLookupByUUIDString(Pointer connect, String uuid);

    int virDomainDestroyFlags(Pointer domain, int flags);

    Pointer virStoragePoolLookupByName(Pointer connect, String name);

    int virStoragePoolFree(Pointer pool);

    /** virStoragePoolListAllVolumes: every volume of a pool in one call. */
    int virStoragePoolListAllVolumes(Pointer pool, PointerByReference volumes, int flags);

    /** The volume's name; libvirt owns the string. */
    String virStorageVolGetName(Pointer volume);

    Pointer virStorageVolGetXMLDesc(Pointer volume, int flags);

    int virStorageVolFree(Pointer volume);

    /** virNodeGetMemoryStats: fills an array of {char field[80]; unsigned long long value} records. */
    int virNodeGetMemoryStats(Pointer connect, int cell, Pointer params, IntByReference count, int flags);

    Pointer virNetworkLookupByName(Pointer connect, String name);

    /** virNetworkUpdate: one change to one section of a network's definition. */
    int virNetworkUpdate(Pointer network, int command, int section, int parentIndex, String xml, int flags);

    int NETWORK_UPDATE_DELETE = 2;
    int NETWORK_UPDATE_ADD_LAST = 3;
    int NETWORK_SECTION_PORTGROUP = 9;
    /** VIR_NETWORK_UPDATE_AFFECT_LIVE | VIR_NETWORK_UPDATE_AFFECT_CONFIG: now and after a restart. */
    int NETWORK_UPDATE_LIVE_AND_CONFIG = 3;

    int virNetworkFree(Pointer network);

    /** The message of this thread's last libvirt error (libvirt owns the string). */
    String virGetLastErrorMessage();

    /** libc's free, for what libvirt hands over. */
    static String takeString(Pointer cString) {
        if (cString == null) {
            return null;
        }
        try {
            return cString.getString(0, "UTF-8");
        } finally {
            Native.free(Pointer.nativeValue(cString));
        }
    }
}
