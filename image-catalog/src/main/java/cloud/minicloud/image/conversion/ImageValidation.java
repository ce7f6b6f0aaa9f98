package cloud.minicloud.image.conversion;

import cloud.minicloud.image.DiskFormat;
import cloud.minicloud.image.ImageLimits;
import cloud.minicloud.image.InspectedDisk;
import cloud.minicloud.image.InvalidImageException;
import cloud.minicloud.image.inspection.DiskInspector;
import cloud.minicloud.image.store.ImageStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.DoubleConsumer;

/**
 * From an uploaded file to a template anyone may boot: the Java inspection, qemu-img's second
 * opinion and check, conversion to a clean qcow2, and the template inspected once more.
 */
public final class ImageValidation {

    private final QemuImg qemuImg = new QemuImg();

    /** A template made from an accepted upload. */
    public record Template(Path file, long virtualSizeBytes, long sizeBytes, String sha256, long minDiskGib) {
    }

    /**
     * Validates {@code upload} as {@code format} and writes its template to {@code template};
     * refuses with an {@link InvalidImageException} that says why, leaving no template behind.
     */
    public Template validate(Path upload, DiskFormat format, ImageLimits limits, Path template, DoubleConsumer progress)
            throws IOException {
        try {
            InspectedDisk inspected = DiskInspector.inspect(upload, format, limits);
            qemuImg.secondOpinion(upload, inspected);
            qemuImg.check(upload, format);
            qemuImg.convert(upload, format, template, progress);
            InspectedDisk made = DiskInspector.inspect(template, DiskFormat.QCOW2, limits);
            return new Template(template, made.virtualSizeBytes(), Files.size(template), ImageStore.sha256(template),
                    made.minDiskGib());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(template);
            throw e;
        }
    }
}
