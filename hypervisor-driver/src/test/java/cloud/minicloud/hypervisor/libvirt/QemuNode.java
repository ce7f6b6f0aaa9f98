package cloud.minicloud.hypervisor.libvirt;

import cloud.minicloud.hypervisor.NodeSettings;
import cloud.minicloud.hypervisor.HypervisorDriver.UploadProgress;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/** The local QEMU node the integration tests share: one driver, so the KVM canary runs once per test run. */
final class QemuNode {

    static final NodeSettings SETTINGS = new NodeSettings("qemu:///system", "minicloud-it",
            "/var/lib/libvirt/minicloud-it", "/var/log/libvirt/qemu", TinyImage.directory().toString());

    private static LibvirtHypervisorDriver driver;
    private static String tinyTemplate;

    private QemuNode() {
    }

    static synchronized LibvirtHypervisorDriver driver() {
        if (driver == null) {
            driver = new LibvirtHypervisorDriver(SETTINGS);
            driver.ensureStoragePool();
        }
        return driver;
    }

    /**
     * The tiny-linux template on the node, uploaded once; named by its checksum so that a rebuilt
     * image is never confused with an old one.
     */
    static synchronized String tinyTemplate() throws Exception {
        if (tinyTemplate == null) {
            Path image = TinyImage.template();
            String name = "tiny-" + sha256(image).substring(0, 12);
            if (!driver().hasTemplate(name)) {
                uploadTemplate(name, image, (done, total) -> { });
            }
            tinyTemplate = name;
        }
        return tinyTemplate;
    }

    /** Uploads an image file as a template, with the checksum a catalog would have recorded. */
    static void uploadTemplate(String name, Path image, UploadProgress progress) throws Exception {
        upload(driver(), name, image, progress);
    }

    static void upload(cloud.minicloud.hypervisor.HypervisorDriver node, String name, Path image) throws Exception {
        upload(node, name, image, (done, total) -> { });
    }

    private static void upload(cloud.minicloud.hypervisor.HypervisorDriver node, String name, Path image,
                               UploadProgress progress) throws Exception {
        try (InputStream in = Files.newInputStream(image)) {
            node.uploadTemplate(name, in, Files.size(image), sha256(image), progress);
        }
    }

    static String sha256(Path file) throws Exception {
        return sha256(Files.readAllBytes(file));
    }

    static String sha256(String text) throws Exception {
        return sha256(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
