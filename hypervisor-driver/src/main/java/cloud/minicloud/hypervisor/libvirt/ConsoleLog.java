package cloud.minicloud.hypervisor.libvirt;

import java.nio.charset.StandardCharsets;

/** The last bytes a guest wrote on its serial console, kept in memory for nodes whose log files we cannot read. */
final class ConsoleLog {

    private final byte[] ring;
    private long written;

    ConsoleLog(int capacity) {
        ring = new byte[capacity];
    }

    synchronized void append(byte[] data, int length) {
        for (int i = 0; i < length; i++) {
            ring[(int) (written++ % ring.length)] = data[i];
        }
    }

    /** The most recent bytes, at most {@code maxBytes}, as text. */
    synchronized String tail(int maxBytes) {
        int size = (int) Math.min(Math.min(written, ring.length), maxBytes);
        byte[] out = new byte[size];
        for (int i = 0; i < size; i++) {
            out[i] = ring[(int) ((written - size + i) % ring.length)];
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
