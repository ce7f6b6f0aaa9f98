package cloud.minicloud.hypervisor.libvirt;

import cloud.minicloud.hypervisor.HypervisorException;
import cloud.minicloud.hypervisor.NoCloudSeed;
import cloud.minicloud.hypervisor.xml.VolumeConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;

/**
 * First-boot seeds: an ISO 9660 image labelled cidata, made here with genisoimage and streamed
 * to the node as a raw volume, so a remote node needs nothing but libvirt.
 */
final class SeedVolumes {

    private SeedVolumes() {
    }

    static StorageVol create(Connect connect, StoragePool pool, String volumeName, Map<String, String> files)
            throws LibvirtException {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("minicloud-seed");
            List<String> command = new ArrayList<>(List.of("genisoimage", "-quiet", "-output", "seed.iso",
                    "-volid", NoCloudSeed.VOLUME_LABEL, "-joliet", "-rock"));
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
                command.add(file.getKey());
            }
            Process genisoimage = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(genisoimage.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (genisoimage.waitFor() != 0) {
                throw new HypervisorException("genisoimage could not make the first-boot seed: " + output);
            }
            Path iso = dir.resolve("seed.iso");
            try (InputStream in = Files.newInputStream(iso)) {
                return write(connect, pool, volumeName, in, Files.size(iso));
            }
        } catch (IOException e) {
            throw new HypervisorException("the first-boot seed could not be written: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HypervisorException("interrupted while making the first-boot seed", e);
        } finally {
            deleteQuietly(dir);
        }
    }

    /** A raw volume of these bytes (a seed's), gone again if writing it fails. */
    static StorageVol write(Connect connect, StoragePool pool, String volumeName, InputStream bytes, long size)
            throws LibvirtException {
        StorageVol volume = pool.storageVolCreateXML(VolumeConfig.raw(volumeName, size).toXml(), 0);
        try {
            VolumeStreams.upload(connect, volume, bytes, size, (done, total) -> { });
        } catch (RuntimeException e) {
            volume.delete(0);
            throw e;
        }
        return volume;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary directory is harmless
        }
    }
}
