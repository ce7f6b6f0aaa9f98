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

    /** The node's memory in KiB: total and free, over all NUMA cells. */
    record NodeMemory(long totalKib, long freeKib) {
    }

    private static final int ALL_CELLS = -1;
    private static final int MEMORY_STAT_SIZE = 88;

    /**
     * The node's memory from its memory statistics. virNodeGetInfo's memory can be far off (here it
     * reports one NUMA node's view, 7 of 24 GiB); the statistics match /proc/meminfo.
     */
    NodeMemory nodeMemory() {
        IntByReference count = new IntByReference(0);
        if (LibvirtNative.LIBVIRT.virNodeGetMemoryStats(pointer(), ALL_CELLS, null, count, 0) < 0 || count.getValue() == 0) {
            throw new HypervisorException("could not read the node's memory: " + LibvirtNative.LIBVIRT.virGetLastErrorMessage());
        }
        com.sun.jna.Memory stats = new com.sun.jna.Memory((long) count.getValue() * MEMORY_STAT_SIZE);
        if (LibvirtNative.LIBVIRT.virNodeGetMemoryStats(pointer(), ALL_CELLS, stats, count, 0) < 0) {
            throw new HypervisorException("could not read the node's memory: " + LibvirtNative.LIBVIRT.virGetLastErrorMessage());
        }
        long total = -1;
        long free = -1;
        for (int i = 0; i < count.getValue(); i++) {
            String field = stats.getString((long) i * MEMORY_STAT_SIZE);
            long value = stats.getLong((long) i * MEMORY_STAT_SIZE + 80);
            if (field.equals("total")) {
                total = value;
            } else if (field.equals("free")) {
                free = value;
            }
        }
        return new NodeMemory(total, free);
    }

    /** A volume as the C API sees it: its name and XML. */
    record NativeVolume(String name, String xml) {
    }

    /** Every volume of the pool from one virStoragePoolListAllVolumes call (no names lost to a concurrent create). */
    List<NativeVolume> listAllVolumes(String poolName) {
        Pointer pool = LibvirtNative.LIBVIRT.virStoragePoolLookupByName(pointer(), poolName);
        if (pool == null) {
            throw new HypervisorException("no storage pool " + poolName + ": " + LibvirtNative.LIBVIRT.virGetLastErrorMessage());
        }
        try {
            PointerByReference array = new PointerByReference();
            int count = LibvirtNative.LIBVIRT.virStoragePoolListAllVolumes(pool, array, 0);
            if (count < 0) {
                throw new HypervisorException("could not list the volumes of " + poolName + ": "
                        + LibvirtNative.LIBVIRT.virGetLastErrorMessage());
            }
            List<NativeVolume> volumes = new ArrayList<>(count);
            if (count == 0) {
                return volumes;
            }
            Pointer[] pointers = array.getValue().getPointerArray(0, count);
            try {
                for (Pointer volume : pointers) {
                    String xml = LibvirtNative.takeString(LibvirtNative.LIBVIRT.virStorageVolGetXMLDesc(volume, 0));
                    if (xml != null) {
                        volumes.add(new NativeVolume(LibvirtNative.LIBVIRT.virStorageVolGetName(volume), xml));
                    }
                }
            } finally {
                for (Pointer volume : pointers) {
                    LibvirtNative.LIBVIRT.virStorageVolFree(volume);
                }
                com.sun.jna.Native.free(Pointer.nativeValue(array.getValue()));
            }
            return volumes;
        } finally {
            LibvirtNative.LIBVIRT.virStoragePoolFree(pool);
        }
    }

    /**
     * Asks QEMU to end with SIGTERM only (virDomainDestroyFlags GRACEFUL), so it flushes its disk
     * caches; answers whether that worked. A domain already gone counts as done.
     */
    boolean destroyGracefully(java.util.UUID id) {
        Pointer domain = LibvirtNative.LIBVIRT.virDomainLookupByUUIDString(pointer(), id.toString());
        if (domain == null) {
            return true;
        }
        try {
            return LibvirtNative.LIBVIRT.virDomainDestroyFlags(domain, LibvirtNative.DESTROY_GRACEFUL) == 0;
        } finally {
            LibvirtNative.LIBVIRT.virDomainFree(domain);
        }
    }

    /** Whether libvirt can describe guests of this virt type for x86_64 here (before trying a canary). */
    boolean offersDomainType(String virtType) {
        String capabilities = LibvirtNative.takeString(
                LibvirtNative.LIBVIRT.virConnectGetDomainCapabilities(pointer(), null, "x86_64", null, virtType, 0));
        return capabilities != null;
    }

    /** Adds (or removes) a portgroup of a running network, live and in its definition. */
    void updatePortgroup(String network, String portgroupXml, boolean add) {
        Pointer pointer = LibvirtNative.LIBVIRT.virNetworkLookupByName(pointer(), network);
        if (pointer == null) {
            throw new HypervisorException("no network " + network + ": " + LibvirtNative.LIBVIRT.virGetLastErrorMessage());
        }
        try {
            int command = add ? LibvirtNative.NETWORK_UPDATE_ADD_LAST : LibvirtNative.NETWORK_UPDATE_DELETE;
            if (LibvirtNative.LIBVIRT.virNetworkUpdate(pointer, command, LibvirtNative.NETWORK_SECTION_PORTGROUP, -1,
                    portgroupXml, LibvirtNative.NETWORK_UPDATE_LIVE_AND_CONFIG) < 0) {
                throw new HypervisorException("could not update network " + network + ": "
                        + LibvirtNative.LIBVIRT.virGetLastErrorMessage());
            }
        } finally {
            LibvirtNative.LIBVIRT.virNetworkFree(pointer);
        }
    }
}
