package cloud.minicloud.image.inspection;

import cloud.minicloud.image.ImageLimits;
import cloud.minicloud.image.InvalidImageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** ISO 9660 (an installer image): a primary volume descriptor whose volume fits in the file. */
final class IsoInspection implements FormatInspection {

    private static final int BLOCK = 2048;
    private static final long FIRST_DESCRIPTOR = 16L * BLOCK;
    private static final int MAX_DESCRIPTORS = 64;
    private static final int PRIMARY = 1;
    private static final int TERMINATOR = 255;

    @Override
    public long virtualSize(DiskFile file, ImageLimits limits) throws IOException {
        for (int i = 0; i < MAX_DESCRIPTORS; i++) {
            long offset = FIRST_DESCRIPTOR + (long) i * BLOCK;
            ByteBuffer descriptor = file.read(offset, BLOCK, ByteOrder.LITTLE_ENDIAN, "ISO 9660 volume descriptor");
            if (!file.startsWithAt(offset + 1, "CD001")) {
                throw new InvalidImageException("not an ISO 9660 image (no volume descriptor where one must be)");
            }
            int type = Byte.toUnsignedInt(descriptor.get(0));
            if (type == TERMINATOR) {
                break;
            }
            if (type == PRIMARY) {
                return volume(file, descriptor, limits);
            }
        }
        throw new InvalidImageException("the ISO image has no primary volume descriptor");
    }

    private static long volume(DiskFile file, ByteBuffer primary, ImageLimits limits) {
        long blocks = Integer.toUnsignedLong(primary.getInt(80));
        int blockSize = Short.toUnsignedInt(primary.getShort(128));
        if (blockSize != BLOCK) {
            throw new InvalidImageException("the ISO image's block size " + blockSize + " is not 2048");
        }
        long size = blocks * BLOCK;
        Sizes.checkVirtualSize(size, limits);
        if (size > file.size()) {
            throw new InvalidImageException("the file is truncated: the ISO volume is " + size + " bytes, the file "
                    + file.size());
        }
        return file.size();
    }
}
