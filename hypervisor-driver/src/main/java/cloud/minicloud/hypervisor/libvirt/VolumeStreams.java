package cloud.minicloud.hypervisor.libvirt;

import cloud.minicloud.hypervisor.HypervisorDriver.UploadProgress;
import cloud.minicloud.hypervisor.HypervisorException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.libvirt.StorageVol;
import org.libvirt.Stream;

/** Moves volume contents over libvirt streams, so remote nodes need no other channel. */
final class VolumeStreams {

    private static final int CHUNK = 1 << 20;

    private VolumeStreams() {
    }

    static void upload(Connect connect, StorageVol volume, InputStream in, long size, UploadProgress progress)
            throws LibvirtException {
        Stream stream = connect.streamNew(0);
        try {
            volume.upload(stream, 0, size, 0);
            byte[] buffer = new byte[CHUNK];
            long done = 0;
            int read;
            while ((read = in.read(buffer)) > 0) {
                sendAll(stream, read == buffer.length ? buffer : Arrays.copyOf(buffer, read));
                done += read;
                progress.transferred(done, size);
            }
            if (done != size) {
                throw new HypervisorException("the template stream ended after " + done + " of " + size + " bytes");
            }
            stream.finish();
        } catch (IOException | LibvirtException | RuntimeException e) {
            stream.abort();
            throw e instanceof IOException io ? new HypervisorException("reading the template failed: " + io.getMessage(), io)
                    : e instanceof LibvirtException lv ? new HypervisorException("upload failed: " + lv.getMessage(), lv)
                    : (RuntimeException) e;
        } finally {
            stream.free();
        }
    }

    /** Streams the whole volume file into {@code out}; answers the bytes written. */
    static long download(Connect connect, StorageVol volume, java.io.OutputStream out, UploadProgress progress)
            throws LibvirtException {
        long expected = volume.getInfo().allocation;
        Stream stream = connect.streamNew(0);
        try {
            volume.download(stream, 0, 0, 0);
            byte[] buffer = new byte[CHUNK];
            long done = 0;
            int received;
            while ((received = stream.receive(buffer)) > 0) {
                out.write(buffer, 0, received);
                done += received;
                progress.transferred(done, Math.max(done, expected));
            }
            stream.finish();
            return done;
        } catch (IOException e) {
            stream.abort();
            throw new java.io.UncheckedIOException(e);
        } catch (LibvirtException | RuntimeException e) {
            stream.abort();
            throw e;
        } finally {
            stream.free();
        }
    }

    /**
     * Streams one node's volume into another's (its whole file, however long: libvirt writes an
     * upload of no stated length until the stream ends); answers the bytes copied.
     */
    static long copy(Connect from, StorageVol source, Connect to, StorageVol target, UploadProgress progress)
            throws LibvirtException {
        long expected = source.getInfo().allocation;
        Stream in = from.streamNew(0);
        Stream out = to.streamNew(0);
        try {
            source.download(in, 0, 0, 0);
            target.upload(out, 0, 0, 0);
            byte[] buffer = new byte[CHUNK];
            long done = 0;
            int received;
            while ((received = in.receive(buffer)) > 0) {
                sendAll(out, received == buffer.length ? buffer : Arrays.copyOf(buffer, received));
                done += received;
                progress.transferred(done, Math.max(done, expected));
            }
            in.finish();
            out.finish();
            return done;
        } catch (LibvirtException | RuntimeException e) {
            abortQuietly(in, e);
            abortQuietly(out, e);
            throw e;
        } finally {
            in.free();
            out.free();
        }
    }

    /** The last {@code maxBytes} bytes of a volume (the whole of a shorter one), as they are now. */
    static byte[] tail(Connect connect, StorageVol volume, int maxBytes) throws LibvirtException {
        long size = volume.getInfo().capacity;
        long offset = Math.max(0, size - maxBytes);
        java.io.ByteArrayOutputStream tail = new java.io.ByteArrayOutputStream((int) (size - offset));
        if (size == offset) {
            return tail.toByteArray();
        }
        Stream stream = connect.streamNew(0);
        try {
            volume.download(stream, offset, size - offset, 0);
            byte[] buffer = new byte[(int) Math.min(CHUNK, size - offset)];
            int received;
            while ((received = stream.receive(buffer)) > 0) {
                tail.write(buffer, 0, received);
            }
            stream.finish();
        } catch (LibvirtException | RuntimeException e) {
            stream.abort();
            throw e;
        } finally {
            stream.free();
        }
        return tail.toByteArray();
    }

    /** The SHA-256 of the first {@code size} bytes of a volume, as read back from the node. */
    static String sha256(Connect connect, StorageVol volume, long size) throws LibvirtException {
        MessageDigest digest = newDigest();
        Stream stream = connect.streamNew(0);
        try {
            volume.download(stream, 0, size, 0);
            byte[] buffer = new byte[CHUNK];
            int received;
            while ((received = stream.receive(buffer)) > 0) {
                digest.update(buffer, 0, received);
            }
            stream.finish();
        } finally {
            stream.free();
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Ends a failed stream's job on its node; a failure to is kept with the first. */
    private static void abortQuietly(Stream stream, Exception failure) {
        try {
            stream.abort();
        } catch (LibvirtException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static void sendAll(Stream stream, byte[] data) throws LibvirtException {
        int offset = 0;
        while (offset < data.length) {
            int sent = stream.send(offset == 0 ? data : Arrays.copyOfRange(data, offset, data.length));
            if (sent <= 0) {
                throw new HypervisorException("the node stopped accepting the upload");
            }
            offset += sent;
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
