package cloud.minicloud.image.inspection;

import cloud.minicloud.image.ImageLimits;
import cloud.minicloud.image.InvalidImageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * VMDK, only of the self-contained kinds (monolithicSparse, streamOptimized): a sparse extent
 * header with its descriptor embedded, naming one SPARSE extent and no parent. Descriptor files
 * and flat extents, which name other files to read (CVE-2022-47951), are refused.
 */
final class VmdkInspection implements FormatInspection {

    private static final int MAGIC = 0x564d444b;
    private static final long SECTOR = 512;
    private static final long GD_AT_END = -1;
    private static final int MAX_DESCRIPTOR_BYTES = 1 << 20;
    /** Where QEMU's VMDK driver reads a sparse file's descriptor to find a parent (vmdk_parent_open). */
    private static final long QEMU_DESCRIPTOR_OFFSET = 0x200;
    private static final int QEMU_DESCRIPTOR_BYTES = 10240;
    private static final Set<String> SELF_CONTAINED = Set.of("monolithicSparse", "streamOptimized");
    private static final Pattern CREATE_TYPE = Pattern.compile("^createType\\s*=\\s*\"([^\"]*)\"\\s*$", Pattern.MULTILINE);
    private static final Pattern PARENT_CID = Pattern.compile("^parentCID\\s*=\\s*(\\S+)\\s*$", Pattern.MULTILINE);
    private static final Pattern EXTENT = Pattern.compile("^(RW|RDONLY|NOACCESS)\\s+(\\d+)\\s+(\\S+)(.*)$", Pattern.MULTILINE);

    @Override
    public long virtualSize(DiskFile file, ImageLimits limits) throws IOException {
        if (Signatures.of(file).contains(Signatures.VMDK_DESCRIPTOR)) {
            throw new InvalidImageException("the file is a VMDK descriptor, which names other files to read: "
                    + "upload a self-contained VMDK (monolithicSparse or streamOptimized), or convert it to qcow2");
        }
        ByteBuffer header = file.read(0, 512, ByteOrder.LITTLE_ENDIAN, "vmdk header");
        if (header.getInt(0) != MAGIC) {
            throw new InvalidImageException("not a VMDK image");
        }
        int version = header.getInt(4);
        if (version < 1 || version > 3) {
            throw new InvalidImageException("VMDK version " + version + " is not supported (1 to 3 are)");
        }
        long capacity = header.getLong(12);
        long grain = header.getLong(20);
        if (grain <= 0 || Long.bitCount(grain) != 1 || grain > (1L << 21)) {
            throw new InvalidImageException("the VMDK grain size (" + grain + " sectors) is not sane");
        }
        if (capacity <= 0 || capacity > Long.MAX_VALUE / SECTOR) {
            throw new InvalidImageException("the VMDK capacity (" + capacity + " sectors) is not sane");
        }
        long virtualSize = capacity * SECTOR;
        Sizes.checkVirtualSize(virtualSize, limits);
        long gdOffset = header.getLong(56);
        if (gdOffset != GD_AT_END && !file.holds(sectors(gdOffset), 1)) {
            throw new InvalidImageException("the file is truncated or corrupt: its VMDK grain directory lies outside it");
        }
        String descriptor = descriptor(file, header.getLong(28), header.getLong(36));
        checkDescriptor(descriptor, capacity);
        // QEMU looks for a parent in the 10 KiB at 0x200 whatever the header says: look there too.
        String whereQemuLooks = text(file.peek(QEMU_DESCRIPTOR_OFFSET, QEMU_DESCRIPTOR_BYTES));
        checkNoParent(whereQemuLooks);
        return virtualSize;
    }

    private static String descriptor(DiskFile file, long offsetSectors, long sizeSectors) throws IOException {
        if (offsetSectors <= 0 || sizeSectors <= 0 || sizeSectors > MAX_DESCRIPTOR_BYTES / SECTOR) {
            throw new InvalidImageException("the VMDK has no embedded descriptor: upload a monolithicSparse or "
                    + "streamOptimized VMDK");
        }
        ByteBuffer bytes = file.read(sectors(offsetSectors), (int) (sizeSectors * SECTOR), ByteOrder.LITTLE_ENDIAN,
                "vmdk descriptor");
        return text(bytes.array());
    }

    static void checkDescriptor(String descriptor, long capacity) {
        Matcher type = CREATE_TYPE.matcher(descriptor);
        String createType = type.find() ? type.group(1) : "";
        if (!SELF_CONTAINED.contains(createType)) {
            throw new InvalidImageException("VMDK of type '" + createType + "' names other files: only monolithicSparse "
                    + "and streamOptimized are taken (convert with qemu-img convert -O vmdk -o subformat=streamOptimized)");
        }
        checkNoParent(descriptor);
        List<MatchResult> extents = EXTENT.matcher(descriptor).results().map(MatchResult::of).toList();
        if (extents.size() != 1 || !extents.get(0).type().equals("SPARSE")) {
            throw new InvalidImageException("the VMDK descriptor must name exactly one SPARSE extent, itself; it names "
                    + extents.stream().map(MatchResult::type).toList());
        }
        if (extents.get(0).sectors() != capacity) {
            throw new InvalidImageException("the VMDK descriptor's extent (" + extents.get(0).sectors()
                    + " sectors) disagrees with its header (" + capacity + ")");
        }
    }

    private static void checkNoParent(String descriptor) {
        Matcher parent = PARENT_CID.matcher(descriptor);
        if (parent.find() && !parent.group(1).equalsIgnoreCase("ffffffff") || descriptor.contains("parentFileNameHint")) {
            throw new InvalidImageException("the VMDK is a delta of a parent disk: upload the flattened disk");
        }
    }

    private static String text(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf('\0');
        return end < 0 ? text : text.substring(0, end);
    }

    private record MatchResult(long sectors, String type) {
        static MatchResult of(java.util.regex.MatchResult match) {
            try {
                return new MatchResult(Long.parseLong(match.group(2)), match.group(3));
            } catch (NumberFormatException e) {
                return new MatchResult(-1, match.group(3));
            }
        }
    }

    private static long sectors(long count) {
        if (count < 0 || count > Long.MAX_VALUE / SECTOR) {
            throw new InvalidImageException("the file is corrupt: a VMDK offset is out of range");
        }
        return count * SECTOR;
    }
}
