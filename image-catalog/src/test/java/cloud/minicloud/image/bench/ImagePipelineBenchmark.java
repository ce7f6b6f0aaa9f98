package cloud.minicloud.image.bench;

import cloud.minicloud.image.DiskFormat;
import cloud.minicloud.image.ImageLimits;
import cloud.minicloud.image.conversion.ImageValidation;
import cloud.minicloud.image.store.ImageStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Upload (streamed into the store with its checksum) and validation (inspection, qemu-img's
 * second opinion and check, conversion to a qcow2 template, the template's checksum) of qcow2
 * images full of data, against {@code cp} of the same file on the same disk; and the heap the
 * pipeline used above what it started with, sampled every 20 ms, which must not grow with the file.
 * Usage: ImagePipelineBenchmark [GiB ...] (default 1 4).
 */
public final class ImagePipelineBenchmark {

    private static final long GIB = 1L << 30;
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private ImagePipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0 ? new int[] {1, 4} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("bench.dir", "/var/tmp")), "image-bench");
        try {
            System.out.printf("%-6s %10s %10s %10s %10s %10s %14s%n", "image", "cp MiB/s", "upload", "validate",
                    "total", "vs cp", "heap peak +MiB");
            for (int gib : sizes) {
                run(dir, gib);
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    private static void run(Path dir, int gib) throws Exception {
        Path image = qcow2FullOfData(dir, gib);
        long bytes = Files.size(image);
        Path copy = dir.resolve("copy");
        long started = System.nanoTime();
        exec("cp", image.toString(), copy.toString());
        double cp = mibPerSecond(bytes, System.nanoTime() - started);
        Files.delete(copy);

        ImageStore store = new ImageStore(dir.resolve("store"));
        System.gc();
        long baseline = MEMORY.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long uploadStart = System.nanoTime();
        try (InputStream in = Files.newInputStream(image)) {
            store.receive(gib, in, 64 * GIB);
        }
        long uploadNanos = System.nanoTime() - uploadStart;
        long validateStart = System.nanoTime();
        new ImageValidation().validate(store.upload(gib), DiskFormat.QCOW2, ImageLimits.DEFAULT, store.template(gib),
                done -> { });
        long validateNanos = System.nanoTime() - validateStart;
        sampler.interrupt();
        sampler.join();
        store.discard(gib);
        Files.delete(image);

        double total = mibPerSecond(bytes, uploadNanos + validateNanos);
        System.out.printf("%-6s %10.0f %10.0f %10.0f %10.0f %9.1fx %14.1f%n", gib + " GiB", cp,
                mibPerSecond(bytes, uploadNanos), mibPerSecond(bytes, validateNanos), total, cp / total,
                (peak.get() - baseline) / (double) (1 << 20));
    }

    /** A qcow2 whose every cluster holds data (a 1 MiB random block written over and over). */
    private static Path qcow2FullOfData(Path dir, int gib) throws Exception {
        Path raw = dir.resolve("source.raw");
        byte[] block = new byte[1 << 20];
        new Random(gib).nextBytes(block);
        block[510] = 0x55;
        block[511] = (byte) 0xaa;
        try (OutputStream out = Files.newOutputStream(raw)) {
            for (long written = 0; written < gib * GIB; written += block.length) {
                out.write(block);
            }
        }
        Path qcow2 = dir.resolve("source.qcow2");
        exec("qemu-img", "convert", "-f", "raw", "-O", "qcow2", raw.toString(), qcow2.toString());
        Files.delete(raw);
        return qcow2;
    }

    private static double mibPerSecond(long bytes, long nanos) {
        return bytes / (double) (1 << 20) / (nanos / 1e9);
    }

    private static void exec(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed");
        }
    }
}
