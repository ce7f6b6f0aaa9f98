package cloud.minicloud.image.conversion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.minicloud.image.DiskFormat;
import cloud.minicloud.image.ImageLimits;
import cloud.minicloud.image.InspectedDisk;
import cloud.minicloud.image.InvalidImageException;
import cloud.minicloud.image.inspection.DiskInspector;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** qemu-img's second opinion, check and conversion, on images the inspection took. */
class QemuImgTest {

    @TempDir
    Path dir;

    private final QemuImg qemuImg = new QemuImg();

    @Test
    void every_accepted_format_becomes_a_self_contained_qcow2_of_the_same_size_with_progress() throws Exception {
        Path raw = rawDiskWithData(dir.resolve("disk.raw"));
        Path qcow2 = create("plain.qcow2", "qcow2", "1G");
        Path vmdk = create("stream.vmdk", "vmdk", "1G", "-o", "subformat=streamOptimized");
        Path iso = dir.resolve("installer.iso");
        Files.createDirectories(dir.resolve("iso"));
        Files.writeString(dir.resolve("iso/README"), "an installer\n");
        run("genisoimage", "-quiet", "-o", iso.toString(), dir.resolve("iso").toString());

        for (var image : List.of(new Upload(raw, DiskFormat.RAW), new Upload(qcow2, DiskFormat.QCOW2),
                new Upload(vmdk, DiskFormat.VMDK), new Upload(iso, DiskFormat.ISO))) {
            InspectedDisk inspected = DiskInspector.inspect(image.file(), image.format(), ImageLimits.DEFAULT);
            qemuImg.secondOpinion(image.file(), inspected);
            qemuImg.check(image.file(), image.format());
            Path template = dir.resolve(image.file().getFileName() + ".template");
            List<Double> progress = new ArrayList<>();
            qemuImg.convert(image.file(), image.format(), template, progress::add);

            InspectedDisk converted = DiskInspector.inspect(template, DiskFormat.QCOW2, ImageLimits.DEFAULT);
            assertEquals(inspected.virtualSizeBytes(), converted.virtualSizeBytes(), image.toString());
            assertFalse(progress.isEmpty(), "progress for " + image);
            assertEquals(1.0, progress.get(progress.size() - 1), 0.001, image.toString());
        }
    }

    @Test
    void a_qcow2_with_damaged_refcounts_is_refused_by_the_check() throws Exception {
        Path raw = rawDiskWithData(dir.resolve("data.raw"));
        Path image = dir.resolve("damaged.qcow2");
        run("qemu-img", "convert", "-f", "raw", "-O", "qcow2", raw.toString(), image.toString());
        // the first refcount block (cluster 2 of a fresh image): every cluster's count set to zero
        try (FileChannel channel = FileChannel.open(image, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(64), 2 * 65536L);
        }
        InvalidImageException refusal = assertThrows(InvalidImageException.class,
                () -> qemuImg.check(image, DiskFormat.QCOW2));
        assertTrue(refusal.getMessage().contains("qemu-img check -r all"), refusal.getMessage());
    }

    @Test
    void a_file_qemu_img_cannot_read_as_declared_is_refused() throws Exception {
        Path image = create("plain.qcow2", "qcow2", "1G");
        InvalidImageException refusal = assertThrows(InvalidImageException.class, () -> qemuImg.secondOpinion(image,
                new InspectedDisk(DiskFormat.VMDK, 1L << 30, Files.size(image))));
        assertTrue(refusal.getMessage().contains("declared format"), refusal.getMessage());
    }

    private record Upload(Path file, DiskFormat format) {
    }

    private Path create(String name, String format, String size, String... options) throws Exception {
        Path file = dir.resolve(name);
        List<String> command = new ArrayList<>(List.of("qemu-img", "create", "-q", "-f", format));
        command.addAll(List.of(options));
        command.add(file.toString());
        command.add(size);
        run(command.toArray(String[]::new));
        return file;
    }

    /** 4 MiB: a partition table, then some data for the conversion to carry. */
    private static Path rawDiskWithData(Path file) throws Exception {
        byte[] disk = new byte[4 << 20];
        disk[510] = 0x55;
        disk[511] = (byte) 0xaa;
        byte[] text = "some data".repeat(1000).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, disk, 1 << 20, text.length);
        Files.write(file, disk);
        return file;
    }

    private void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + output);
    }
}
