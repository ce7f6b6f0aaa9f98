package cloud.minicloud.image;

import cloud.minicloud.image.inspection.DiskInspector;
import cloud.minicloud.image.store.ImageStore;
import java.io.IOException;
import java.nio.file.Path;

/** Validates a qcow2 image that ships with the cloud the way an upload is, and computes its SHA-256. */
public final class ImageInspector {

    private ImageInspector() {
    }

    public static ImageFacts inspect(Path file) throws IOException {
        InspectedDisk disk = DiskInspector.inspect(file, DiskFormat.QCOW2, ImageLimits.DEFAULT);
        return new ImageFacts(disk.format().apiName(), disk.virtualSizeBytes(), disk.fileSizeBytes(),
                ImageStore.sha256(file));
    }
}
