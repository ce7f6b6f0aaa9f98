package cloud.minicloud.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageInspectorTest {

    @TempDir
    Path dir;

    /** A qcow2 v3 header as qemu-img writes it (the fields the inspector reads). */
    private static ByteBuffer header(int version, long backingOffset, long virtualSize, long incompatibleFeatures) {
        ByteBuffer header = ByteBuffer.allocate(104);
        header.putInt(0, 0x514649fb);
        header.putInt(4, version);
        header.putLong(8, backingOffset);
        header.putLong(24, virtualSize);
        header.putLong(72, incompatibleFeatures);
        return header;
    }

    @Test
    void a_plain_qcow2_is_accepted_with_its_size_checksum_and_minimum_disk() throws Exception {
        Path image = dir.resolve("ok.qcow2");
        Files.write(image, header(3, 0, 3L << 30, 0).array());

        ImageFacts facts = ImageInspector.inspect(image);

        assertEquals("qcow2", facts.format());
        assertEquals(3L << 30, facts.virtualSizeBytes());
        assertEquals(3, facts.minDiskGib());
        assertEquals(104, facts.fileSizeBytes());
        assertEquals(64, facts.sha256().length());
    }

    @Test
    void a_raw_file_named_qcow2_is_rejected_naming_the_fix() throws Exception {
        Path image = dir.resolve("fake.qcow2");
        Files.writeString(image, "#!/bin/sh\necho not an image\n");

        InvalidImageException refusal = assertThrows(InvalidImageException.class, () -> ImageInspector.inspect(image));
        assertTrue(refusal.getMessage().contains("qemu-img convert -O qcow2"), refusal.getMessage());
    }

    @Test
    void an_image_with_a_backing_file_is_rejected_so_it_cannot_read_the_nodes_files() {
        assertThrows(InvalidImageException.class, () -> ImageInspector.checkHeader(header(3, 1024, 1L << 30, 0)));
    }

    @Test
    void an_image_with_an_external_data_file_is_rejected() {
        assertThrows(InvalidImageException.class, () -> ImageInspector.checkHeader(header(3, 0, 1L << 30, 1L << 2)));
    }

    @Test
    void an_absurd_virtual_size_or_unknown_version_is_rejected() {
        assertThrows(InvalidImageException.class, () -> ImageInspector.checkHeader(header(3, 0, 1L << 50, 0)));
        assertThrows(InvalidImageException.class, () -> ImageInspector.checkHeader(header(3, 0, 0, 0)));
        assertThrows(InvalidImageException.class, () -> ImageInspector.checkHeader(header(7, 0, 1L << 30, 0)));
    }

    @Test
    void a_truncated_file_is_rejected() throws Exception {
        Path image = dir.resolve("short.qcow2");
        Files.write(image, new byte[] {0x51, 0x46, 0x49, (byte) 0xfb});

        assertThrows(InvalidImageException.class, () -> ImageInspector.inspect(image));
    }
}
