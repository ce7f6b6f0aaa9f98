package cloud.minicloud.image.store;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The control plane's image files: uploads as they arrive ({@code uploads/}) and the validated
 * qcow2 templates nodes copy from ({@code templates/}). Uploads are streamed to disk with their
 * checksum computed on the way, never held in memory.
 */
public final class ImageStore {

    private static final int BUFFER = 1 << 20;

    private final Path uploads;
    private final Path templates;

    public ImageStore(Path root) throws IOException {
        this.uploads = Files.createDirectories(root.resolve("uploads"));
        this.templates = Files.createDirectories(root.resolve("templates"));
    }

    /** What arrived: all of it, checksummed. */
    public record Received(Path file, long bytes, String sha256) {
    }

    /** More bytes arrived than the limit given; the partial file is gone already. */
    public static final class TooLargeException extends IOException {
        public TooLargeException(long limit) {
            super("the file is larger than " + limit + " bytes");
        }
    }

    /** The upload was cut off (the client went away); the partial file is gone already. */
    public static final class CutOffException extends IOException {
        private final long bytes;

        CutOffException(long bytes, IOException cause) {
            super("the upload was cut off after " + bytes + " bytes", cause);
            this.bytes = bytes;
        }

        public long bytes() {
            return bytes;
        }
    }

    /** Writes an image's file into an output stream it is given (an export from a node). */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Streams the body into the image's upload file, replacing any earlier attempt. */
    public Received receive(long imageId, InputStream body, long maxBytes) throws IOException {
        long[] total = {0};
        return write(imageId, maxBytes, out -> {
            byte[] buffer = new byte[BUFFER];
            int read;
            while (true) {
                try {
                    read = body.read(buffer);
                } catch (IOException cut) {
                    throw new CutOffException(total[0], cut);
                }
                if (read < 0) {
                    return;
                }
                total[0] += read;
                out.write(buffer, 0, read);
            }
        });
    }

    /**
     * Makes the image's upload file from what the writer writes, checksummed on the way and cut
     * at {@code maxBytes}; a writer that fails (also with an {@link UncheckedIOException}) leaves no file.
     */
    public Received write(long imageId, long maxBytes, Writer writer) throws IOException {
        Path file = upload(imageId);
        MessageDigest digest = sha256();
        long[] total = {0};
        try (OutputStream out = new FilterOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                total[0] += length;
                if (total[0] > maxBytes) {
                    throw new TooLargeException(maxBytes);
                }
                digest.update(bytes, offset, length);
                this.out.write(bytes, offset, length);
            }

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }
        }) {
            try {
                writer.writeTo(out);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new Received(file, total[0], HexFormat.of().formatHex(digest.digest()));
    }

    public Path upload(long imageId) {
        return uploads.resolve(imageId + ".upload");
    }

    /** Where the image's template is made: named by id, the checksum is only known once it is. */
    public Path template(long imageId) {
        return templates.resolve(imageId + ".qcow2");
    }

    /** Removes whatever the store holds of the image. */
    public void discard(long imageId) throws IOException {
        Files.deleteIfExists(upload(imageId));
        Files.deleteIfExists(template(imageId));
    }

    /** Removes the upload file, if any; a failure to is only logged by the caller's next attempt. */
    public void discardUploadQuietly(long imageId) {
        try {
            Files.deleteIfExists(upload(imageId));
        } catch (IOException ignored) {
            // a leftover upload is replaced by the next upload of the same image, or removed with it
        }
    }

    public static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
