package cloud.minicloud.image.inspection;

import cloud.minicloud.image.InvalidImageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** An image file read at the offsets its headers name, a few bytes at a time: never whole in memory. */
final class DiskFile implements AutoCloseable {

    /** No header, table or descriptor an inspection reads is larger. */
    static final int MAX_READ = 4 << 20;

    private final FileChannel channel;
    private final long size;

    DiskFile(Path path) throws IOException {
        this.channel = FileChannel.open(path, StandardOpenOption.READ);
        this.size = channel.size();
    }

    long size() {
        return size;
    }

    /** Whether {@code length} bytes at {@code offset} lie inside the file (overflow-safe). */
    boolean holds(long offset, long length) {
        return offset >= 0 && length >= 0 && offset <= size && length <= size - offset;
    }

    /** Exactly {@code length} bytes at {@code offset}, or the refusal that the file is truncated. */
    ByteBuffer read(long offset, int length, ByteOrder order, String what) throws IOException {
        if (length > MAX_READ || !holds(offset, length)) {
            throw new InvalidImageException("the file is truncated or corrupt: its " + what + " lies beyond its end");
        }
        ByteBuffer buffer = ByteBuffer.allocate(length).order(order);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, offset + buffer.position()) < 0) {
                throw new InvalidImageException("the file is truncated: its " + what + " lies beyond its end");
            }
        }
        return buffer.flip();
    }

    /** Up to {@code length} bytes at {@code offset}: fewer where the file ends, none beyond it. */
    byte[] peek(long offset, int length) throws IOException {
        if (offset < 0 || offset >= size) {
            return new byte[0];
        }
        int available = (int) Math.min(length, size - offset);
        ByteBuffer buffer = ByteBuffer.allocate(available);
        while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) >= 0) {
            // read on until full or the end
        }
        byte[] bytes = new byte[buffer.position()];
        buffer.flip().get(bytes);
        return bytes;
    }

    /** Whether the file holds exactly these ASCII bytes at {@code offset}. */
    boolean startsWithAt(long offset, String ascii) throws IOException {
        return java.util.Arrays.equals(peek(offset, ascii.length()), ascii.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
