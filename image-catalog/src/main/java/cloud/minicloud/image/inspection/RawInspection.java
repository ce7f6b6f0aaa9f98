package cloud.minicloud.image.inspection;

import cloud.minicloud.image.ImageLimits;
import cloud.minicloud.image.InvalidImageException;
import java.io.IOException;

/**
 * A raw disk: whole sectors, starting with a partition table (MBR, or GPT's protective MBR), and
 * no other format's marks anywhere one would look (CVE-2024-40767: a "raw" file that is really
 * qcow2 with a backing file).
 */
final class RawInspection implements FormatInspection {

    private static final int SECTOR = 512;

    @Override
    public long virtualSize(DiskFile file, ImageLimits limits) throws IOException {
        if (file.size() == 0 || file.size() % SECTOR != 0) {
            throw new InvalidImageException("a raw disk is whole 512-byte sectors; this file is " + file.size() + " bytes");
        }
        Sizes.checkVirtualSize(file.size(), limits);
        if (!file.startsWithAt(510, "\u0055\u00aa")) {
            throw new InvalidImageException("not a bootable raw disk: it does not start with a partition table "
                    + "(MBR or GPT)");
        }
        return file.size();
    }
}
