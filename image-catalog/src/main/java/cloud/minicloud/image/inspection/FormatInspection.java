package cloud.minicloud.image.inspection;

import cloud.minicloud.image.ImageLimits;
import java.io.IOException;

/** Reads one format's own headers and refuses anything this cloud would not boot. */
interface FormatInspection {

    /** The disk's virtual size in bytes, once every check passed; else an InvalidImageException. */
    long virtualSize(DiskFile file, ImageLimits limits) throws IOException;
}
