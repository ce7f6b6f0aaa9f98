package cloud.minicloud.hypervisor.libvirt;

import cloud.minicloud.hypervisor.HypervisorDriver.UploadProgress;
import cloud.minicloud.hypervisor.HypervisorException;
import cloud.minicloud.hypervisor.MigrationReport;
import cloud.minicloud.hypervisor.NodeCall;
import cloud.minicloud.hypervisor.VolumeNames;
import cloud.minicloud.hypervisor.xml.MigrationXml;
import cloud.minicloud.hypervisor.xml.VolumeConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.libvirt.Domain;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;

/**
 * One stopped domain moved between two libvirt nodes without shared storage: each of its volumes
 * is streamed from the source's pool into the target's through the two connections (the system
 * disk flattened first, so the target needs no template), then the target defines the domain
 * and the source undefines it; the source's volumes are deleted after. Until the source has let
 * go, a failure removes what the target got and leaves the source as it was.
 */
final class ColdMigration {

    private final LibvirtHypervisorDriver source;
    private final LibvirtHypervisorDriver target;

    ColdMigration(LibvirtHypervisorDriver source, LibvirtHypervisorDriver target) {
        this.source = source;
        this.target = target;
    }

    MigrationReport run(UUID id, UploadProgress progress) {
        long started = System.nanoTime();
        String xml = source.connection().call(NodeCall.MIGRATE, "read " + id + " to move it", connect -> {
            Domain domain = LibvirtHypervisorDriver.domain(connect, id)
                    .orElseThrow(() -> new HypervisorException("no instance " + id + " on this node"));
            if (domain.isActive() != 0) {
                throw new HypervisorException("instance " + id + " runs: a running instance moves live");
            }
            // with its secrets, or the target's domain would lose its screen password
            return domain.getXMLDesc(Domain.XMLFlags.SECURE);
        });
        String targetXml = MigrationXml.forTarget(xml, source.settings().poolPath(), target.settings().poolPath(),
                target.serialLog(id), target.screenListen());
        long bytes;
        try {
            bytes = copyVolumes(id, progress);
            target.connection().run(NodeCall.MIGRATE, "define " + id + " it received", connect ->
                    connect.domainDefineXML(targetXml));
            source.connection().run(NodeCall.MIGRATE, "undefine " + id + " that moved away", connect -> {
                Optional<Domain> domain = LibvirtHypervisorDriver.domain(connect, id);
                if (domain.isPresent()) {
                    domain.get().undefine();
                }
            });
        } catch (RuntimeException failed) {
            cleanTargetUnlessItMoved(id, failed);
            throw failed;
        }
        // A failure here fails the move's step; tried again, it finds the move done and deletes these again.
        source.delete(id);
        return new MigrationReport(false, Duration.ofNanos(System.nanoTime() - started), null, bytes);
    }

    /** Every volume of the instance, one after another; answers the bytes sent, with progress over them all. */
    private long copyVolumes(UUID id, UploadProgress progress) {
        List<String> names = source.connection().call(NodeCall.MIGRATE, "list the volumes of " + id, connect -> {
            StoragePool pool = source.pool(connect);
            List<String> present = new ArrayList<>();
            for (String name : VolumeNames.ofInstance(id)) {
                if (!name.equals(VolumeNames.export(id)) && LibvirtHypervisorDriver.volume(pool, name).isPresent()) {
                    present.add(name);
                }
            }
            return present;
        });
        long total = source.connection().call(NodeCall.MIGRATE, "size the volumes of " + id, connect -> {
            long sum = 0;
            for (String name : names) {
                sum += LibvirtHypervisorDriver.volume(source.pool(connect), name).orElseThrow().getInfo().allocation;
            }
            return sum;
        });
        long sent = 0;
        for (String name : names) {
            long before = sent;
            sent += copy(id, name, (done, ofThis) -> progress.transferred(before + done, Math.max(total, before + done)));
        }
        return sent;
    }

    /**
     * One volume, under the same name in the target's pool. A disk over a template is flattened
     * into the export's scratch volume first, which goes again after.
     */
    private long copy(UUID id, String name, UploadProgress progress) {
        return source.connection().call(NodeCall.MIGRATE, "send " + name, from ->
                target.connection().call(NodeCall.MIGRATE, "receive " + name, to -> {
                    StoragePool sourcePool = source.pool(from);
                    StorageVol volume = LibvirtHypervisorDriver.volume(sourcePool, name).orElseThrow();
                    boolean overTemplate = VolumeConfig.parse(volume.getXMLDesc(0)).backingPath() != null;
                    StorageVol sent = overTemplate
                            ? LibvirtHypervisorDriver.flatCopy(sourcePool, volume, VolumeNames.export(id)) : volume;
                    try {
                        StoragePool targetPool = target.pool(to);
                        Optional<StorageVol> leftover = LibvirtHypervisorDriver.volume(targetPool, name);
                        if (leftover.isPresent()) {
                            leftover.get().delete(0);
                        }
                        // Of the sent volume's format from the start (the upload's end refreshes its size).
                        VolumeConfig sentConfig = VolumeConfig.parse(sent.getXMLDesc(0));
                        StorageVol received = targetPool.storageVolCreateXML(("qcow2".equals(sentConfig.format())
                                ? VolumeConfig.qcow2(name, sentConfig.capacityBytes(), null) : VolumeConfig.raw(name, 0)).toXml(), 0);
                        return VolumeStreams.copy(from, sent, to, received, progress);
                    } finally {
                        if (overTemplate) {
                            sent.delete(0);
                        }
                    }
                }));
    }

    /**
     * After a failure, what the target received goes, unless the source no longer has the domain
     * (it let go, and the answer was lost): then the target's copy is the instance.
     */
    private void cleanTargetUnlessItMoved(UUID id, RuntimeException failed) {
        try {
            boolean stillHere = source.connection().call(NodeCall.POWER_STATE, "check " + id + " after a failed move",
                    connect -> LibvirtHypervisorDriver.domain(connect, id).isPresent());
            if (stillHere) {
                target.delete(id);
            }
        } catch (RuntimeException cleanup) {
            failed.addSuppressed(cleanup);
        }
    }
}
