package cloud.minicloud.image.inspection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.minicloud.image.DiskFormat;
import cloud.minicloud.image.ImageLimits;
import cloud.minicloud.image.InspectedDisk;
import cloud.minicloud.image.InvalidImageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus of hostile and broken images, made here with qemu-img, genisoimage and by hand, next
 * to the honest images each kind was made from: every hostile one is refused with a reason.
 */
class HostileImagesTest {

    @TempDir
    Path dir;

    // ---- honest images are taken ----

    @Test
    void a_plain_qcow2_is_taken_with_its_virtual_size() throws Exception {
        InspectedDisk disk = inspect(Corpus.qcow2(dir, "plain", "3G"), DiskFormat.QCOW2);
        assertEquals(3L << 30, disk.virtualSizeBytes());
        assertEquals(3, disk.minDiskGib());
    }

    @Test
    void a_qcow2_version_2_is_taken() throws Exception {
        assertEquals(1L << 30, inspect(Corpus.qemuImg(dir, "v2.qcow2", "qcow2", "1G", "-o", "compat=0.10"),
                DiskFormat.QCOW2).virtualSizeBytes());
    }

    @Test
    void self_contained_vmdks_are_taken() throws Exception {
        for (String subformat : new String[] {"monolithicSparse", "streamOptimized"}) {
            Path vmdk = Corpus.qemuImg(dir, subformat + ".vmdk", "vmdk", "2G", "-o", "subformat=" + subformat);
            assertEquals(2L << 30, inspect(vmdk, DiskFormat.VMDK).virtualSizeBytes(), subformat);
        }
    }

    @Test
    void an_iso_installer_image_is_taken() throws Exception {
        Path iso = Corpus.iso(dir);
        assertEquals(Files.size(iso), inspect(iso, DiskFormat.ISO).virtualSizeBytes());
    }

    @Test
    void a_raw_disk_with_a_partition_table_is_taken() throws Exception {
        assertEquals(4L << 20, inspect(Corpus.rawDisk(dir, 4 << 20), DiskFormat.RAW).virtualSizeBytes());
    }

    // ---- files that would read the node's files ----

    @Test
    void a_qcow2_with_a_backing_file_is_refused() throws Exception {
        Path base = Corpus.qcow2(dir, "base", "1G");
        Path overlay = Corpus.qemuImg(dir, "overlay.qcow2", "qcow2", "1G", "-b", base.toString(), "-F", "qcow2");
        assertRefused(overlay, DiskFormat.QCOW2, "backing file");
    }

    @Test
    void a_qcow2_naming_a_host_file_as_its_backing_file_is_refused_even_as_raw() throws Exception {
        Path overlay = Corpus.qemuImg(dir, "passwd.qcow2", "qcow2", "1G", "-b", "/etc/passwd", "-F", "raw", "-u");
        assertRefused(overlay, DiskFormat.QCOW2, "backing file");
        assertRefused(overlay, DiskFormat.RAW, "qcow2");
    }

    @Test
    void a_qcow2_with_an_external_data_file_is_refused() throws Exception {
        Path data = dir.resolve("data.raw");
        Path image = Corpus.qemuImg(dir, "data-file.qcow2", "qcow2", "1G", "-o", "data_file=" + data);
        assertRefused(image, DiskFormat.QCOW2, "external");
    }

    @Test
    void a_vmdk_descriptor_naming_etc_passwd_is_refused() throws Exception {
        Path descriptor = dir.resolve("passwd.vmdk");
        Files.writeString(descriptor, """
                # Disk DescriptorFile
                version=1
                CID=fffffffe
                parentCID=ffffffff
                createType="monolithicFlat"

                RW 8 FLAT "/etc/passwd" 0
                """);
        assertRefused(descriptor, DiskFormat.VMDK, "descriptor");
        assertRefused(descriptor, DiskFormat.RAW, "vmdk");
    }

    @Test
    void vmdks_made_of_several_files_are_refused() throws Exception {
        for (String subformat : new String[] {"monolithicFlat", "twoGbMaxExtentSparse"}) {
            Path vmdk = Corpus.qemuImg(dir, subformat + ".vmdk", "vmdk", "1G", "-o", "subformat=" + subformat);
            assertRefused(vmdk, DiskFormat.VMDK, "descriptor");
        }
    }

    @Test
    void a_sparse_vmdk_whose_embedded_descriptor_names_a_flat_extent_is_refused() throws Exception {
        Path vmdk = Corpus.qemuImg(dir, "sparse.vmdk", "vmdk", "1G", "-o", "subformat=monolithicSparse");
        Corpus.replaceText(vmdk, "RW 2097152 SPARSE \"sparse.vmdk\"", "RW 2097152 FLAT \"/etc/shadow\" 0");
        assertRefused(vmdk, DiskFormat.VMDK, "SPARSE extent");
    }

    @Test
    void a_vmdk_delta_of_a_parent_disk_is_refused() throws Exception {
        Path vmdk = Corpus.qemuImg(dir, "delta.vmdk", "vmdk", "1G", "-o", "subformat=monolithicSparse");
        Corpus.replaceText(vmdk, "parentCID=ffffffff", "parentCID=12345678");
        assertRefused(vmdk, DiskFormat.VMDK, "parent");
    }

    @Test
    void a_vmdk_whose_header_points_away_from_the_parent_qemu_would_follow_is_refused() throws Exception {
        Path vmdk = Corpus.qemuImg(dir, "twofaced.vmdk", "vmdk", "1G", "-o", "subformat=monolithicSparse");
        // A clean copy of the descriptor at the end, the header pointing there...
        long end = Files.size(vmdk);
        Corpus.copyRange(vmdk, 0x200, vmdk, end, 10240);
        Corpus.patchLongLittleEndian(vmdk, 28, end / 512);
        // ...while where QEMU reads it (0x200) names a parent.
        Corpus.replaceText(vmdk, "parentCID=ffffffff", "parentFileNameHint=\"/etc/shadow\"");
        assertRefused(vmdk, DiskFormat.VMDK, "parent");
    }

    // ---- files that lie ----

    @Test
    void a_shell_script_called_qcow2_is_refused_under_every_format() throws Exception {
        Path script = dir.resolve("setup.qcow2");
        Files.writeString(script, "#!/bin/sh\nrm -rf /\n");
        assertRefused(script, DiskFormat.QCOW2, "not a qcow2");
        assertRefused(script, DiskFormat.VMDK, "not a vmdk");
        assertRefused(script, DiskFormat.ISO, "not an iso");
        assertRefused(script, DiskFormat.RAW, "sectors");
    }

    @Test
    void a_qcow2_declared_as_another_format_is_refused_naming_what_it_is() throws Exception {
        Path image = Corpus.qcow2(dir, "plain", "1G");
        assertRefused(image, DiskFormat.RAW, "is a qcow2 image, not raw");
        assertRefused(image, DiskFormat.VMDK, "is a qcow2 image, not vmdk");
    }

    @Test
    void a_qcow2_that_is_also_an_iso_is_refused() throws Exception {
        Path image = Corpus.qcow2(dir, "plain", "1G");
        Path iso = Corpus.iso(dir);
        Corpus.copyRange(iso, 16 * 2048, image, 16 * 2048, 2048);
        assertRefused(image, DiskFormat.QCOW2, "at once");
        assertRefused(image, DiskFormat.ISO, "at once");
    }

    @Test
    void a_petabyte_disk_in_a_small_file_is_refused_by_the_admins_cap() throws Exception {
        Path image = Corpus.qcow2(dir, "plain", "1G");
        Corpus.patchLong(image, 24, 1L << 50);
        assertRefused(image, DiskFormat.QCOW2, "takes images up to");
        Path small = Corpus.qcow2(dir, "ten", "10G");
        InvalidImageException refusal = assertThrows(InvalidImageException.class,
                () -> DiskInspector.inspect(small, DiskFormat.QCOW2, new ImageLimits(8L << 30)));
        assertTrue(refusal.getMessage().contains("up to 8.0 GiB"), refusal.getMessage());
    }

    @Test
    void a_truncated_qcow2_is_refused() throws Exception {
        Path image = Corpus.qcow2(dir, "plain", "1G");
        Corpus.truncate(image, 65536);
        assertRefused(image, DiskFormat.QCOW2, "truncated");
        Corpus.truncate(image, 40);
        assertRefused(image, DiskFormat.QCOW2, "truncated");
    }

    @Test
    void a_qcow2_whose_tables_point_outside_it_is_refused() throws Exception {
        Path image = Corpus.qcow2(dir, "plain", "1G");
        Corpus.patchLong(image, 40, 1L << 40);
        assertRefused(image, DiskFormat.QCOW2, "L1 table");
        image = Corpus.qcow2(dir, "plain2", "1G");
        Corpus.patchLong(image, 48, 3 * 65536 + 8);
        assertRefused(image, DiskFormat.QCOW2, "refcount table");
    }

    @Test
    void a_qcow2_with_unknown_incompatible_features_is_refused() throws Exception {
        Path image = Corpus.qcow2(dir, "plain", "1G");
        Corpus.patchLong(image, 72, 1L << 40);
        assertRefused(image, DiskFormat.QCOW2, "does not know");
    }

    @Test
    void a_dirty_or_corrupt_qcow2_is_refused_naming_the_repair() throws Exception {
        Path image = Corpus.qcow2(dir, "plain", "1G");
        Corpus.patchLong(image, 72, 1);
        assertRefused(image, DiskFormat.QCOW2, "qemu-img check -r all");
    }

    @Test
    void an_encrypted_qcow2_is_refused() throws Exception {
        Path image = Corpus.qcow2(dir, "plain", "1G");
        Corpus.patchInt(image, 32, 1);
        assertRefused(image, DiskFormat.QCOW2, "encrypted");
    }

    @Test
    void an_absurd_cluster_size_is_refused() throws Exception {
        Path image = Corpus.qcow2(dir, "plain", "1G");
        Corpus.patchInt(image, 20, 40);
        assertRefused(image, DiskFormat.QCOW2, "cluster size");
    }

    @Test
    void a_raw_file_with_a_vmdk_header_is_refused() throws Exception {
        Path vmdk = Corpus.qemuImg(dir, "sparse.vmdk", "vmdk", "1G", "-o", "subformat=monolithicSparse");
        assertRefused(vmdk, DiskFormat.RAW, "vmdk");
    }

    @Test
    void a_raw_disk_with_a_vhd_footer_is_refused() throws Exception {
        Path raw = Corpus.rawDisk(dir, 1 << 20);
        Corpus.patchText(raw, (1 << 20) - 512, "conectix");
        assertRefused(raw, DiskFormat.RAW, "vhd");
    }

    @Test
    void an_iso_cut_short_is_refused() throws Exception {
        Path iso = Corpus.iso(dir);
        Corpus.truncate(iso, Files.size(iso) / 2);
        assertRefused(iso, DiskFormat.ISO, "truncated");
    }

    @Test
    void an_empty_file_is_refused() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.img"));
        for (DiskFormat format : DiskFormat.values()) {
            assertRefused(empty, format, "empty");
        }
    }

    private static InspectedDisk inspect(Path file, DiskFormat format) throws IOException {
        return DiskInspector.inspect(file, format, ImageLimits.DEFAULT);
    }

    private static void assertRefused(Path file, DiskFormat declared, String reason) {
        InvalidImageException refusal = assertThrows(InvalidImageException.class, () -> inspect(file, declared),
                file.getFileName() + " as " + declared);
        assertTrue(refusal.getMessage().contains(reason), file.getFileName() + " as " + declared + ": "
                + refusal.getMessage());
    }

    /** Makes the corpus's files. */
    static final class Corpus {

        private Corpus() {
        }

        static Path qcow2(Path dir, String name, String size) throws Exception {
            return qemuImg(dir, name + ".qcow2", "qcow2", size);
        }

        static Path qemuImg(Path dir, String name, String format, String size, String... options) throws Exception {
            Path file = dir.resolve(name);
            java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("qemu-img", "create", "-q", "-f", format));
            command.addAll(java.util.List.of(options));
            command.add(file.toString());
            command.add(size);
            run(dir, command.toArray(String[]::new));
            return file;
        }

        static Path iso(Path dir) throws Exception {
            Path content = Files.createDirectories(dir.resolve("iso-content"));
            Files.writeString(content.resolve("README"), "an installer\n");
            Path iso = dir.resolve("installer.iso");
            run(dir, "genisoimage", "-quiet", "-V", "INSTALL", "-o", iso.toString(), content.toString());
            return iso;
        }

        /** A disk of zeros with an MBR boot signature, as every partitioned disk has. */
        static Path rawDisk(Path dir, int bytes) throws IOException {
            Path raw = dir.resolve("disk.raw");
            byte[] disk = new byte[bytes];
            disk[510] = 0x55;
            disk[511] = (byte) 0xaa;
            Files.write(raw, disk);
            return raw;
        }

        static void patchLong(Path file, long offset, long value) throws IOException {
            write(file, offset, ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putLong(0, value));
        }

        static void patchLongLittleEndian(Path file, long offset, long value) throws IOException {
            write(file, offset, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, value));
        }

        static void patchInt(Path file, long offset, int value) throws IOException {
            write(file, offset, ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN).putInt(0, value));
        }

        static void patchText(Path file, long offset, String text) throws IOException {
            write(file, offset, ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1)));
        }

        /** Replaces text in the file's bytes with text of any length, padded with spaces to keep offsets. */
        static void replaceText(Path file, String from, String to) throws IOException {
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            int at = text.indexOf(from);
            assertTrue(at >= 0, "no '" + from + "' in " + file);
            patchText(file, at, to + "\n".repeat(Math.max(0, from.length() - to.length())));
        }

        static void copyRange(Path from, long fromOffset, Path to, long toOffset, int length) throws IOException {
            byte[] bytes = new byte[length];
            try (FileChannel in = FileChannel.open(from)) {
                in.read(ByteBuffer.wrap(bytes), fromOffset);
            }
            write(to, toOffset, ByteBuffer.wrap(bytes));
        }

        static void truncate(Path file, long size) throws IOException {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(size);
            }
        }

        private static void write(Path file, long offset, ByteBuffer bytes) throws IOException {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.write(bytes, offset);
            }
        }

        private static void run(Path dir, String... command) throws Exception {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + output);
        }
    }
}
