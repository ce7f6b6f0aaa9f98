package cloud.minicloud.image.inspection;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which disk formats a file carries the marks of, wherever the format puts them. A file with
 * the marks of two formats is a polyglot: qemu could be talked into reading it as either.
 */
final class Signatures {

    static final String QCOW2 = "qcow2";
    static final String VMDK = "vmdk";
    static final String VMDK_DESCRIPTOR = "vmdk descriptor";
    static final String ISO = "iso";

    private static final long ISO_DESCRIPTOR = 16 * 2048L;

    private Signatures() {
    }

    static List<String> of(DiskFile file) throws IOException {
        List<String> found = new ArrayList<>();
        if (file.startsWithAt(0, "QFI\u00fb")) {
            found.add(QCOW2);
        }
        if (file.startsWithAt(0, "QED\0")) {
            found.add("qed");
        }
        if (file.startsWithAt(0, "KDMV")) {
            found.add(VMDK);
        }
        if (file.startsWithAt(0, "# Disk DescriptorFile")) {
            found.add(VMDK_DESCRIPTOR);
        }
        if (file.startsWithAt(0, "conectix") || file.size() >= 512 && file.startsWithAt(file.size() - 512, "conectix")) {
            found.add("vhd");
        }
        if (file.startsWithAt(0, "vhdxfile")) {
            found.add("vhdx");
        }
        if (file.startsWithAt(0x40, "\u007f\u0010\u00da\u00be")) {
            found.add("vdi");
        }
        if (file.startsWithAt(0, "LUKS\u00ba\u00be")) {
            found.add("luks");
        }
        if (file.startsWithAt(ISO_DESCRIPTOR + 1, "CD001")) {
            found.add(ISO);
        }
        return found;
    }
}
