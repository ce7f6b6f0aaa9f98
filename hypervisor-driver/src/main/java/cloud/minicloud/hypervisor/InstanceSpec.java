package cloud.minicloud.hypervisor;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What the control plane asks a node to create.
 *
 * @param id            the instance id; also the libvirt domain name
 * @param displayName   the user's name for it: any text of one line (markup and quotes are fine)
 * @param owner         the owning tenant, recorded in the domain's metadata
 * @param template      the template on the node to clone the system disk from
 * @param systemDiskGib the system disk's virtual size; never smaller than the template's
 * @param cloneMode     linked (copy-on-write on the template) or a full copy
 * @param dataDisksGib  sizes of empty data disks, at most four
 * @param networks      the libvirt networks (tenant networks on this node) to attach, with MACs
 * @param firstBoot     what the guest is told on first boot (a NoCloud seed volume), or null for nothing
 */
public record InstanceSpec(UUID id, String displayName, String owner, int vcpus, long memoryMib,
                           String template, long systemDiskGib, CloneMode cloneMode, List<Long> dataDisksGib,
                           List<NetworkAttachment> networks, FirstBoot firstBoot) {

    public static final int MAX_DATA_DISKS = 4;

    public InstanceSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(template, "template");
        dataDisksGib = List.copyOf(dataDisksGib);
        networks = List.copyOf(networks);
        if (vcpus < 1 || memoryMib < 64 || systemDiskGib < 1) {
            throw new IllegalArgumentException("an instance needs at least 1 vCPU, 64 MiB and a 1 GiB disk");
        }
        if (dataDisksGib.size() > MAX_DATA_DISKS || dataDisksGib.stream().anyMatch(size -> size < 1)) {
            throw new IllegalArgumentException("at most " + MAX_DATA_DISKS + " data disks of at least 1 GiB");
        }
    }

    public enum CloneMode { LINKED, FULL }

    /**
     * A NIC on a tenant network (which must exist on the node), with the MAC and the IPv4 address
     * the control plane chose: the NIC sends from those only (libvirt's clean-traffic filter).
     */
    public record NetworkAttachment(UUID network, String macAddress, String ipAddress) {
    }
}
