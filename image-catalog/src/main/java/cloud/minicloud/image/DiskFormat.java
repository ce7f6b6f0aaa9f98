package cloud.minicloud.image;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats an image may be uploaded in. Whatever is accepted becomes a qcow2 template. */
public enum DiskFormat {
    QCOW2("qcow2"),
    RAW("raw"),
    VMDK("vmdk"),
    /** An ISO 9660 installer image: to qemu-img it is raw bytes. */
    ISO("raw");

    private final String qemuName;

    DiskFormat(String qemuName) {
        this.qemuName = qemuName;
    }

    /** The name qemu-img knows it by: always given explicitly, never probed. */
    public String qemuName() {
        return qemuName;
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DiskFormat of(String name) {
        return Arrays.stream(values())
                .filter(format -> format.apiName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown disk format '" + name + "': use one of "
                        + Arrays.stream(values()).map(DiskFormat::apiName).collect(Collectors.joining(", "))));
    }
}
