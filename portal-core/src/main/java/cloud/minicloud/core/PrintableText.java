package cloud.minicloud.core;

/**
 * Text people type into names: every character one a person can see (or a space), so that a name
 * cannot hide a line break, a right-to-left override that shows it reversed, half of a surrogate
 * pair (which the database and libvirt refuse) or an unassigned code point. The joiners that
 * emoji sequences are made of are fine.
 */
public final class PrintableText {

    private PrintableText() {
    }

    /** Whether every character is printable; with {@code lines}, line breaks are allowed too. */
    public static boolean isPrintable(String text, boolean lines) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (!(lines && c == '\n') && !printable(c)) {
                return false;
            }
        }
        return true;
    }

    /** A name, stripped: 1 to {@code max} printable characters on one line, or refused with what it must be. */
    public static String name(String what, String name, int max) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > max || !isPrintable(trimmed, false)) {
            throw new InvalidRequestException(what + " is 1 to " + max + " printable characters on one line");
        }
        return trimmed;
    }

    private static boolean printable(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.SURROGATE, Character.UNASSIGNED, Character.PRIVATE_USE,
                 Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            case Character.FORMAT -> c == 0x200C || c == 0x200D; // zero-width (non-)joiner
            default -> true;
        };
    }
}
