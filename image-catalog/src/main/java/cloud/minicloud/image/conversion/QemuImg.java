package cloud.minicloud.image.conversion;

import cloud.minicloud.image.DiskFormat;
import cloud.minicloud.image.InspectedDisk;
import cloud.minicloud.image.InvalidImageException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * qemu-img on an image the Java inspection already took, always told the format (never probing),
 * under limits on CPU time and address space so a file crafted to make it spin or swell cannot
 * hurt the server (OpenStack runs it the same way). Second opinion, check, and conversion.
 */
public final class QemuImg {

    /** What qemu-img may use for {@code info} and {@code check}: as OpenStack allows it. */
    private static final String CPU_SECONDS = "30";
    private static final String ADDRESS_SPACE = String.valueOf(1L << 30);
    private static final Pattern PROGRESS = Pattern.compile("\\((\\d+(?:\\.\\d+)?)/100%\\)");

    /** Asks qemu-img what it sees; refuses the image where that differs from the inspection. */
    public void secondOpinion(Path file, InspectedDisk inspected) throws IOException {
        JsonObject info = json(limited("qemu-img", "info", "--output=json", "-f", inspected.format().qemuName(),
                file.toString()), "qemu-img info");
        if (info.containsKey("backing-filename") || info.containsKey("full-backing-filename")) {
            throw new InvalidImageException("qemu-img found a backing file the inspection did not: refused");
        }
        JsonObject specific = info.getJsonObject("format-specific");
        if (specific != null && specific.getJsonObject("data") != null && specific.getJsonObject("data").containsKey("data-file")) {
            throw new InvalidImageException("qemu-img found an external data file the inspection did not: refused");
        }
        if (specific != null && specific.getJsonObject("data") != null
                && specific.getJsonObject("data").getBoolean("corrupt", false)) {
            throw new InvalidImageException("qemu-img finds the image corrupt: repair it with qemu-img check -r all");
        }
        long virtualSize = info.getJsonNumber("virtual-size").longValueExact();
        if (virtualSize != inspected.virtualSizeBytes()) {
            throw new InvalidImageException("qemu-img reads a virtual size of " + virtualSize + " bytes, the headers say "
                    + inspected.virtualSizeBytes() + ": refused as inconsistent");
        }
    }

    /** qcow2 only: leaks are harmless, errors of any kind refuse the image. */
    public void check(Path file, DiskFormat format) throws IOException {
        if (format != DiskFormat.QCOW2) {
            return;
        }
        Result result = run(limitedCommand("qemu-img", "check", "-q", "-f", "qcow2", file.toString()), null);
        // exit 0: clean, 3: only leaked clusters; 1 and 2: it could not check, or found corruption
        if (result.exit() != 0 && result.exit() != 3) {
            throw new InvalidImageException("qemu-img check finds the image damaged (" + firstLine(result.output())
                    + "): repair it with qemu-img check -r all");
        }
    }

    /**
     * Converts the image to a clean, self-contained qcow2 at {@code to}, reporting progress from 0
     * to 1. Formats on both sides are named, so qemu-img never guesses.
     */
    public void convert(Path from, DiskFormat format, Path to, DoubleConsumer progress) throws IOException {
        List<String> command = List.of("qemu-img", "convert", "-p", "-f", format.qemuName(), "-O", "qcow2",
                "-o", "compat=1.1", from.toString(), to.toString());
        Result result = run(command, progress);
        if (result.exit() != 0) {
            Files.deleteIfExists(to);
            throw new IOException("qemu-img convert failed: " + firstLine(PROGRESS.matcher(result.output()).replaceAll("")));
        }
    }

    private String limited(String... command) throws IOException {
        Result result = run(limitedCommand(command), null);
        if (result.exit() != 0) {
            throw new InvalidImageException("qemu-img could not read the image as its declared format ("
                    + firstLine(result.output()) + ")");
        }
        return result.output();
    }

    private static List<String> limitedCommand(String... command) {
        List<String> limited = new ArrayList<>(List.of("prlimit", "--cpu=" + CPU_SECONDS, "--as=" + ADDRESS_SPACE, "--"));
        limited.addAll(List.of(command));
        return limited;
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command, DoubleConsumer progress) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        StringBuilder output = new StringBuilder();
        try {
            byte[] buffer = new byte[8192];
            int read;
            var in = process.getInputStream();
            while ((read = in.read(buffer)) >= 0) {
                String chunk = new String(buffer, 0, read, StandardCharsets.UTF_8);
                if (progress != null) {
                    Matcher matcher = PROGRESS.matcher(chunk);
                    double last = -1;
                    while (matcher.find()) {
                        last = Double.parseDouble(matcher.group(1)) / 100;
                    }
                    if (last >= 0) {
                        progress.accept(last);
                    }
                }
                if (output.length() < 1 << 20) {
                    output.append(chunk);
                }
            }
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish");
            }
            return new Result(process.exitValue(), output.toString());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + String.join(" ", command) + " ran", e);
        }
    }

    private static JsonObject json(String text, String what) {
        try {
            return parse(text);
        } catch (jakarta.json.stream.JsonParsingException | ClassCastException e) {
            throw new InvalidImageException(what + " gave no answer about the image: refused");
        }
    }

    private static JsonObject parse(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("no output");
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
