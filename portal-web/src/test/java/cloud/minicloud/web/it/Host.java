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
}
