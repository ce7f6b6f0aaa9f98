package cloud.minicloud.image.inspection;

import cloud.minicloud.image.ImageLimits;
import cloud.minicloud.image.InvalidImageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * qcow2, after QEMU's own specification (docs/interop/qcow2.txt): no backing file, no external
 * data file (CVE-2024-32498), no encryption, no feature this inspector does not know, and every
 * table it points at inside the file.
 */
final class Qcow2Inspection implements FormatInspection {

    private static final int MAGIC = 0x514649fb;
    private static final int V2_HEADER = 72;
    private static final int V3_HEADER = 104;
    private static final long DIRTY = 1;
    private static final long CORRUPT = 1 << 1;
    private static final long EXTERNAL_DATA_FILE = 1 << 2;
    private static final long COMPRESSION_TYPE = 1 << 3;
    private static final long EXTENDED_L2 = 1 << 4;
    private static final long KNOWN_INCOMPATIBLE = DIRTY | CORRUPT | EXTERNAL_DATA_FILE | COMPRESSION_TYPE | EXTENDED_L2;
    private static final int EXTENSION_BACKING_FORMAT = 0xe2792aca;
    private static final int EXTENSION_ENCRYPTION = 0x0537be77;
    private static final int EXTENSION_DATA_FILE = 0x44415441;
    /** QEMU's own bounds on the L1 and refcount tables. */
    private static final long MAX_L1_BYTES = 32L << 20;
    private static final long MAX_REFCOUNT_TABLE_BYTES = 8L << 20;

    @Override
    public long virtualSize(DiskFile file, ImageLimits limits) throws IOException {
        ByteBuffer header = file.read(0, V2_HEADER, ByteOrder.BIG_ENDIAN, "qcow2 header");
        if (header.getInt(0) != MAGIC) {
            throw new InvalidImageException("not a qcow2 image");
        }
        int version = header.getInt(4);
        if (version != 2 && version != 3) {
            throw new InvalidImageException("qcow2 version " + version + " is not supported (2 and 3 are)");
        }
        if (header.getLong(8) != 0 || header.getInt(16) != 0) {
            throw new InvalidImageException("the image has a backing file, which would let it read files of the node: "
                    + "flatten it first (qemu-img convert -O qcow2 without -B)");
        }
        int clusterBits = header.getInt(20);
        if (clusterBits < 9 || clusterBits > 21) {
            throw new InvalidImageException("qcow2 cluster size 2^" + clusterBits + " is outside 512 B to 2 MiB");
        }
        long clusterSize = 1L << clusterBits;
        long virtualSize = header.getLong(24);
        Sizes.checkVirtualSize(virtualSize, limits);
        if (header.getInt(32) != 0) {
            throw new InvalidImageException("the image is encrypted: upload it decrypted");
        }
        int headerLength = version == 2 ? V2_HEADER : v3(file, clusterSize);

        long l1Entries = Integer.toUnsignedLong(header.getInt(36));
        long l1Offset = header.getLong(40);
        int l2Bits = clusterBits - 3;
        long needed = Math.ceilDiv(virtualSize, clusterSize << l2Bits);
        if (l1Entries < needed || l1Entries * 8 > MAX_L1_BYTES) {
            throw new InvalidImageException("the qcow2 L1 table (" + l1Entries + " entries) does not fit the virtual size");
        }
        table(file, l1Offset, l1Entries * 8, clusterSize, "L1 table");
        long refcountOffset = header.getLong(48);
        long refcountBytes = Integer.toUnsignedLong(header.getInt(56)) * clusterSize;
        if (refcountOffset == 0 || refcountBytes == 0 || refcountBytes > MAX_REFCOUNT_TABLE_BYTES) {
            throw new InvalidImageException("the qcow2 refcount table is missing or absurdly large");
        }
        table(file, refcountOffset, refcountBytes, clusterSize, "refcount table");
        long snapshots = Integer.toUnsignedLong(header.getInt(60));
        if (snapshots > 0) {
            table(file, header.getLong(64), 1, clusterSize, "snapshot table");
        }
        extensions(file, headerLength, clusterSize);
        return virtualSize;
    }

    /** The version 3 fields; returns the header's length, where its extensions start. */
    private static int v3(DiskFile file, long clusterSize) throws IOException {
        ByteBuffer header = file.read(0, V3_HEADER, ByteOrder.BIG_ENDIAN, "qcow2 v3 header");
        long incompatible = header.getLong(72);
        if ((incompatible & EXTERNAL_DATA_FILE) != 0) {
            throw new InvalidImageException("the image keeps its data in an external file, which would let it read "
                    + "files of the node: convert it to a self-contained qcow2 (qemu-img convert -O qcow2)");
        }
        if ((incompatible & ~KNOWN_INCOMPATIBLE) != 0) {
            throw new InvalidImageException("the image uses qcow2 features this cloud does not know (incompatible bits 0x"
                    + Long.toHexString(incompatible & ~KNOWN_INCOMPATIBLE) + ")");
        }
        if ((incompatible & (DIRTY | CORRUPT)) != 0) {
            throw new InvalidImageException("the image was not closed cleanly or is marked corrupt: "
                    + "repair it with qemu-img check -r all and upload it again");
        }
        int refcountOrder = header.getInt(96);
        if (refcountOrder < 0 || refcountOrder > 6) {
            throw new InvalidImageException("qcow2 refcount order " + refcountOrder + " is outside 0 to 6");
        }
        int length = header.getInt(100);
        if (length < V3_HEADER || length % 8 != 0 || length > clusterSize) {
            throw new InvalidImageException("the qcow2 header length " + length + " is not sane");
        }
        return length;
    }

    /** Header extensions up to the end marker, all inside the first cluster; refuses those that reach outside. */
    private static void extensions(DiskFile file, int start, long clusterSize) throws IOException {
        long offset = start;
        while (true) {
            if (offset + 8 > clusterSize) {
                throw new InvalidImageException("the qcow2 header extensions run past the first cluster");
            }
            ByteBuffer extension = file.read(offset, 8, ByteOrder.BIG_ENDIAN, "qcow2 header extension");
            int type = extension.getInt(0);
            long length = Integer.toUnsignedLong(extension.getInt(4));
            if (type == 0) {
                return;
            }
            switch (type) {
                case EXTENSION_DATA_FILE -> throw new InvalidImageException(
                        "the image names an external data file: convert it to a self-contained qcow2");
                case EXTENSION_BACKING_FORMAT -> throw new InvalidImageException(
                        "the image names a backing file format: flatten it first (qemu-img convert -O qcow2)");
                case EXTENSION_ENCRYPTION -> throw new InvalidImageException("the image is encrypted: upload it decrypted");
                default -> {
                    // feature names, bitmaps and unknown extensions are harmless: QEMU reads or skips them
                }
            }
            offset += 8 + ((length + 7) & ~7L);
        }
    }

    private static void table(DiskFile file, long offset, long bytes, long clusterSize, String what) {
        if (offset <= 0 || offset % clusterSize != 0 || !file.holds(offset, bytes)) {
            throw new InvalidImageException("the file is truncated or corrupt: its qcow2 " + what + " lies outside it");
        }
    }
}
