package cloud.minicloud.web.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The daemons deploy/minicloud runs (libvirtd, MariaDB), killed or stopped and started again by
 * the fault drills exactly as they ran: the same command line, detached, logging where they did,
 * with deploy/'s pid files kept true so that 'deploy/minicloud down' still stops them.
 */
final class Daemons {

    static final Path STATE = stateDir();

    private Daemons() {
    }

    private static Path stateDir() {
        String configured = System.getProperty("it.state.dir", "");
        return Path.of(configured.isBlank() || configured.startsWith("${") ? "/var/lib/minicloud" : configured);
    }

    /** A running daemon: its pid and command line. */
    record Daemon(long pid, List<String> commandLine) {
    }

    /**
     * The daemon whose pid deploy/ recorded in the file under the state directory, if it runs
     * (never another MariaDB or libvirtd of the machine's).
     */
    static Optional<Daemon> recorded(String pidFile) throws IOException {
        Path file = STATE.resolve(pidFile);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String pid = Files.readString(file).strip();
        if (pid.isEmpty() || !Files.exists(Path.of("/proc", pid, "cmdline"))) {
            return Optional.empty();
        }
        byte[] raw = Files.readAllBytes(Path.of("/proc", pid, "cmdline"));
        List<String> args = Arrays.stream(new String(raw, StandardCharsets.UTF_8).split("\0")).filter(a -> !a.isEmpty()).toList();
        return Optional.of(new Daemon(Long.parseLong(pid), args));
    }

    /** Sends the signal and waits until the process is gone. */
    static void stop(Daemon daemon, String signal) throws IOException, InterruptedException {
        Host.run("kill", "-" + signal, Long.toString(daemon.pid()));
        Optional<ProcessHandle> process = ProcessHandle.of(daemon.pid());
        if (process.isPresent()) {
            process.get().onExit().join();
        }
    }

    /** Starts the daemon again with its command line, detached, appending to the log; records its pid. */
    static long start(Daemon daemon, Path log, Path pidFile) throws IOException, InterruptedException {
        String command = daemon.commandLine().stream().map(Daemons::quoted).collect(Collectors.joining(" "));
        String pid = Host.run("bash", "-c", "setsid " + command + " </dev/null >>" + quoted(log.toString())
                + " 2>&1 & echo $!").output().strip();
        if (pidFile != null && Files.isDirectory(pidFile.getParent())) {
            Files.writeString(pidFile, pid + "\n");
        }
        return Long.parseLong(pid);
    }

    private static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
