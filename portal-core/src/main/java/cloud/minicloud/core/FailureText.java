package cloud.minicloud.core;

import java.util.regex.Pattern;

/**
 * What a failure may say where tenants read it (an instance's state reason, its task history):
 * the gist of the message without the node's file paths, libvirt URIs or addresses, on one line
 * and short. The whole failure goes to the server log, under the task that met it.
 */
public final class FailureText {

    private static final int MAX = 300;
    private static final Pattern URI = Pattern.compile("\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s'\"),;]+");
    private static final Pattern PATH = Pattern.compile("(?<![\\w.:/])/[\\w.@+-]+(?:/[\\w.@+-]*)+");
    private static final Pattern ADDRESS = Pattern.compile("\\b\\d{1,3}(?:\\.\\d{1,3}){3}(?::\\d+)?\\b");

    private FailureText() {
    }

    public static String of(Throwable failure) {
        String message = failure.getMessage() == null || failure.getMessage().isBlank()
                ? failure.getClass().getSimpleName() : failure.getMessage();
        return of(message);
    }

    public static String of(String message) {
        String plain = message.replaceAll("\\s+", " ").strip();
        plain = URI.matcher(plain).replaceAll("(a node)");
        plain = PATH.matcher(plain).replaceAll("(a file on the node)");
        plain = ADDRESS.matcher(plain).replaceAll("(an address)");
        if (plain.length() <= MAX) {
            return plain;
        }
        int end = Character.isHighSurrogate(plain.charAt(MAX - 2)) ? MAX - 2 : MAX - 1; // never half an emoji
        return plain.substring(0, end) + "…";
    }
}
