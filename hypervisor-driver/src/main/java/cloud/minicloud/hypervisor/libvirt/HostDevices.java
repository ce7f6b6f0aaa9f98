package cloud.minicloud.hypervisor.libvirt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;

/**
 * What is wrong with the devices of the machine this runs on, for a node on this machine. On a host
 * without udev /dev/kvm keeps the kernel's 0600 root:root: QEMU (user libvirt-qemu, group kvm)
 * cannot open it, and libvirt 9 then probes QEMU again on every call, answering in tens of seconds.
 */
final class HostDevices {

    private static final Path KVM = Path.of("/dev/kvm");

    private HostDevices() {
    }

    static List<String> problems() {
        return problems(KVM);
    }

    static List<String> problems(Path kvm) {
        if (!Files.exists(kvm)) {
            return List.of();
        }
        try {
            PosixFileAttributes attributes = Files.readAttributes(kvm, PosixFileAttributes.class);
            Set<PosixFilePermission> mode = attributes.permissions();
            boolean everyone = mode.contains(PosixFilePermission.OTHERS_READ) && mode.contains(PosixFilePermission.OTHERS_WRITE);
            boolean groupKvm = attributes.group().getName().equals("kvm")
                    && mode.contains(PosixFilePermission.GROUP_READ) && mode.contains(PosixFilePermission.GROUP_WRITE);
            if (everyone || groupKvm) {
                return List.of();
            }
            return List.of("QEMU (user libvirt-qemu) cannot open " + kvm + " (" + java.nio.file.attribute.PosixFilePermissions
                    .toString(mode) + " " + attributes.owner().getName() + ":" + attributes.group().getName()
                    + "), so libvirt probes QEMU again at every call and answers in seconds: make it 0660 root:kvm as "
                    + "udev would (deploy/minicloud up does)");
        } catch (IOException | UnsupportedOperationException e) {
            return List.of();
        }
    }
}
