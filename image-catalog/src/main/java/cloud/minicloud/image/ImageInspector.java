package cloud.minicloud.image;

import cloud.minicloud.image.inspection.DiskInspector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Validates a qcow2 image that ships with the cloud the way an upload is, and computes its SHA-256. */
public final class ImageInspector {

    private ImageInspector() {
    }

    public static ImageFacts inspect(Path file) throws IOException {
        InspectedDisk disk = DiskInspector.inspect(file, DiskFormat.QCOW2, ImageLimits.DEFAULT);
        return new ImageFacts(disk.format().apiName(), disk.virtualSizeBytes(), disk.fileSizeBytes(), sha256(file));
    }

    private static String sha256(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
