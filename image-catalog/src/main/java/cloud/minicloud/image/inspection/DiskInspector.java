package cloud.minicloud.image.inspection;

import cloud.minicloud.image.DiskFormat;
import cloud.minicloud.image.ImageLimits;
import cloud.minicloud.image.InspectedDisk;
import cloud.minicloud.image.InvalidImageException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an untrusted image's own headers, in Java, for the format its uploader declared: the
 * file must be that format and only that format (a polyglot is refused), and must name no other
 * file. Only then may qemu-img look at it, and only told the format.
 */
public final class DiskInspector {

    private static final Map<DiskFormat, FormatInspection> INSPECTIONS = Map.of(
            DiskFormat.QCOW2, new Qcow2Inspection(),
            DiskFormat.VMDK, new VmdkInspection(),
            DiskFormat.ISO, new IsoInspection(),
            DiskFormat.RAW, new RawInspection());
    /** The marks a file of the format carries; a VMDK descriptor is refused by the VMDK inspection, saying why. */
    private static final Map<DiskFormat, Set<String>> OWN_MARKS = Map.of(
            DiskFormat.QCOW2, Set.of(Signatures.QCOW2),
            DiskFormat.VMDK, Set.of(Signatures.VMDK, Signatures.VMDK_DESCRIPTOR),
            DiskFormat.ISO, Set.of(Signatures.ISO),
            DiskFormat.RAW, Set.of());

    private DiskInspector() {
    }

    public static InspectedDisk inspect(Path path, DiskFormat declared, ImageLimits limits) throws IOException {
        try (DiskFile file = new DiskFile(path)) {
            if (file.size() == 0) {
                throw new InvalidImageException("the file is empty");
            }
            Set<String> own = OWN_MARKS.get(declared);
            List<String> marks = Signatures.of(file);
            List<String> foreign = marks.stream().filter(mark -> !own.contains(mark)).toList();
            boolean ownMarked = marks.stream().anyMatch(own::contains);
            if (!foreign.isEmpty()) {
                throw new InvalidImageException(ownMarked
                        ? "the file is " + declared.apiName() + " and " + foreign.get(0) + " at once: such a file could "
                                + "be read as either, so it is refused"
                        : "the file is " + article(foreign.get(0)) + " image, not " + declared.apiName()
                                + ": upload it declaring the format it has");
            }
            if (!own.isEmpty() && !ownMarked) {
                throw new InvalidImageException("not " + article(declared.apiName()) + " image: upload a "
                        + declared.apiName() + " file, or declare the format the file has");
            }
            long virtualSize = INSPECTIONS.get(declared).virtualSize(file, limits);
            return new InspectedDisk(declared, virtualSize, file.size());
        }
    }

    private static String article(String format) {
        return ("aeiou".indexOf(format.charAt(0)) >= 0 ? "an " : "a ") + format;
    }
}
