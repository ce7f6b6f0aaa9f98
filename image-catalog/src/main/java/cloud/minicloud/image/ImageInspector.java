package cloud.minicloud.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Validates an image by reading its qcow2 header, before anyone can boot it: the real format
 * (not what the name says), no backing file and no external data file (either would let a guest
 * read files of the node), and a sane virtual size. Also computes its SHA-256.
 */
public final class ImageInspector {

    /** No flavor needs a system disk this large; a header claiming more is corrupt or hostile. */
    public static final long MAX_VIRTUAL_SIZE = 2L << 40;
    private static final int QCOW2_MAGIC = 0x514649fb;
    private static final long EXTERNAL_DATA_FILE = 1L << 2;

    private ImageInspector() {
    }

    public static ImageFacts inspect(Path file) throws IOException {
        byte[] header = new byte[104];
        try (InputStream in = Files.newInputStream(file)) {
            int read = in.readNBytes(header, 0, header.length);
            checkHeader(ByteBuffer.wrap(header, 0, read).slice());
        }
        long virtualSize = ByteBuffer.wrap(header).getLong(24);
        return new ImageFacts("qcow2", virtualSize, Files.size(file), sha256(file));
    }

    /** Checks a qcow2 header (the file's first bytes); refuses anything this cloud would not boot. */
    static void checkHeader(ByteBuffer header) {
        if (header.remaining() < 72 || header.getInt(0) != QCOW2_MAGIC) {
            throw new InvalidImageException("not a qcow2 image: upload a qcow2 file (qemu-img convert -O qcow2)");
        }
        int version = header.getInt(4);
        if (version != 2 && version != 3) {
            throw new InvalidImageException("qcow2 version " + version + " is not supported (2 or 3 are)");
        }
        if (header.getLong(8) != 0) {
            throw new InvalidImageException("the image has a backing file; flatten it first (qemu-img convert)");
        }
        long virtualSize = header.getLong(24);
        if (virtualSize <= 0 || virtualSize > MAX_VIRTUAL_SIZE) {
            throw new InvalidImageException("the image's virtual size (" + virtualSize + " bytes) is not sane");
        }
        if (version == 3) {
            if (header.remaining() < 80) {
                throw new InvalidImageException("truncated qcow2 v3 header");
            }
            if ((header.getLong(72) & EXTERNAL_DATA_FILE) != 0) {
                throw new InvalidImageException("the image keeps its data in an external file; convert it to a plain qcow2");
            }
        }
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
