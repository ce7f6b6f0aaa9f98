package cloud.minicloud.web.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Commands on the test machine itself, e.g. virsh acting behind the portal's back. */
final class Host {

    private Host() {
    }

    record Result(int exitCode, String output) {
    }

    static Result run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    /** deploy/compute/test-node.sh: a second compute node in a network namespace, qemu+tcp://10.99.0.2/system. */
    static void testNode(String command, String stateDir) throws IOException, InterruptedException {
        Result result = run("../deploy/compute/test-node.sh", command, stateDir);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("deploy/compute/test-node.sh " + command + " failed: " + result.output());
        }
    }
}
