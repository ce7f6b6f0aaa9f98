package cloud.minicloud.hypervisor.libvirt;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where deploy/minicloud test built the tiny-linux image (MINICLOUD_IMAGES). */
final class TinyImage {

    private TinyImage() {
    }

    static Path directory() {
        String dir = System.getProperty("minicloud.images");
        if (dir == null || dir.isBlank() || dir.startsWith("${")) {
            throw new IllegalStateException("run the tests with deploy/minicloud test: it builds the tiny-linux image");
        }
        return Path.of(dir);
    }

    static Path template() {
        Path qcow2 = directory().resolve("tiny-linux.qcow2");
        if (!Files.isRegularFile(qcow2)) {
            throw new IllegalStateException("no tiny-linux image at " + qcow2);
        }
        return qcow2;
    }
}
