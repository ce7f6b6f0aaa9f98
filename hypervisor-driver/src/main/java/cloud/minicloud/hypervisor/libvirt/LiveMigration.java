package cloud.minicloud.hypervisor.libvirt;

import cloud.minicloud.hypervisor.HypervisorDriver.UploadProgress;
import cloud.minicloud.hypervisor.HypervisorException;
import cloud.minicloud.hypervisor.MigrationReport;
import cloud.minicloud.hypervisor.NodeCall;
import cloud.minicloud.hypervisor.VolumeNames;
import cloud.minicloud.hypervisor.xml.MigrationXml;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.libvirt.Domain;
import org.libvirt.DomainJobInfo;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;
import org.libvirt.TypedParameter;
import org.libvirt.TypedStringParameter;

/**
 * One running domain moved between two libvirt nodes without shared storage, driven from here
 * (libvirt's managed direct migration): the target pre-creates the disks in its pool and QEMU
 * copies them whole (NBD) and then the memory; the read-only first-boot seed, which QEMU does not
 * copy, is put on the target first. The target persists the domain and the source undefines it;
 * the source's volumes are deleted after. If anything fails the guest keeps running on the source
 * (libvirt resumes it there) and what the target made is removed.
 */
final class LiveMigration {

    private static final Logger LOG = Logger.getLogger(LiveMigration.class.getName());
    private static final int FLAGS = Domain.MigrateFlags.LIVE | Domain.MigrateFlags.PERSIST_DEST
            | Domain.MigrateFlags.UNDEFINE_SOURCE | Domain.MigrateFlags.NON_SHARED_DISK;

    private final LibvirtHypervisorDriver source;
    private final LibvirtHypervisorDriver target;

    LiveMigration(LibvirtHypervisorDriver source, LibvirtHypervisorDriver target) {
        this.source = source;
        this.target = target;
    }

    MigrationReport run(UUID id, String targetAddress, UploadProgress progress) {
        long started = System.nanoTime();
        String xml = source.connection().call(NodeCall.MIGRATE, "read " + id + " to migrate it", connect -> {
            Domain domain = LibvirtHypervisorDriver.domain(connect, id)
                    .orElseThrow(() -> new HypervisorException("no instance " + id + " on this node"));
            if (domain.isActive() == 0) {
                throw new HypervisorException("instance " + id + " is not running: only a running instance moves live");
            }
            return domain.getXMLDesc(Domain.XMLFlags.SECURE | Domain.XMLFlags.MIGRATABLE);
        });
        String targetXml = MigrationXml.forTarget(xml, source.settings().poolPath(), target.settings().poolPath(),
                target.serialLog(id), target.screenListen());
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "migration-progress-" + id);
            thread.setDaemon(true);
            return thread;
        });
        try {
            copySeed(id);
            watcher.scheduleWithFixedDelay(() -> report(id, progress), 500, 500, TimeUnit.MILLISECONDS);
            MigrationReport report = source.connection().call(NodeCall.MIGRATE, "migrate " + id, from ->
                    target.connection().call(NodeCall.MIGRATE, "receive " + id, to -> {
                        Domain domain = LibvirtHypervisorDriver.domain(from, id).orElseThrow();
                        Domain moved = domain.migrate(to, parameters(targetXml, targetAddress), FLAGS);
                        return completed(moved, Duration.ofNanos(System.nanoTime() - started));
                    }));
            watcher.shutdownNow();
            source.delete(id);
            return report;
        } catch (RuntimeException failed) {
            watcher.shutdownNow();
            cleanTargetUnlessItRunsThere(id, failed);
            throw failed;
        }
    }

    private static TypedParameter[] parameters(String targetXml, String targetAddress) {
        return new TypedParameter[] {
            new TypedStringParameter(Domain.DomainMigrateParameters.VIR_MIGRATE_PARAM_DEST_XML, targetXml),
            new TypedStringParameter(Domain.DomainMigrateParameters.VIR_MIGRATE_PARAM_PERSIST_XML, targetXml),
            // The target's own hostname may be this machine's (a test node in a namespace) or not resolve.
            new TypedStringParameter(Domain.DomainMigrateParameters.VIR_MIGRATE_PARAM_URI, "tcp://" + targetAddress),
        };
    }

    /** The seed is read-only, so QEMU does not copy it: the target gets the same bytes first. */
    private void copySeed(UUID id) {
        String name = VolumeNames.seed(id);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean hasSeed = source.connection().call(NodeCall.MIGRATE, "read the seed of " + id, connect -> {
            Optional<StorageVol> seed = LibvirtHypervisorDriver.volume(source.pool(connect), name);
            if (seed.isPresent()) {
                VolumeStreams.download(connect, seed.get(), bytes, (done, total) -> { });
            }
            return seed.isPresent();
        });
        if (!hasSeed) {
            return;
        }
        target.connection().run(NodeCall.MIGRATE, "write the seed of " + id, connect -> {
            StoragePool pool = target.pool(connect);
            Optional<StorageVol> leftover = LibvirtHypervisorDriver.volume(pool, name);
            if (leftover.isPresent()) {
                leftover.get().delete(0);
            }
            SeedVolumes.write(connect, pool, name, new ByteArrayInputStream(bytes.toByteArray()), bytes.size());
        });
    }

    /** Memory and disk sent so far, of the total to send, while the migration job runs on the source. */
    private void report(UUID id, UploadProgress progress) {
        try {
            DomainJobInfo job = source.connection().call(NodeCall.MIGRATION_PROGRESS, "read the migration of " + id, connect ->
                    LibvirtHypervisorDriver.domain(connect, id).orElseThrow().getJobInfo());
            long total = job.getDataTotal() + job.getFileTotal();
            if (total > 0) {
                progress.transferred(job.getDataProcessed() + job.getFileProcessed(), total);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "no progress of the migration of " + id + " yet", e);
        }
    }

    /**
     * The pause the guest took at the end (QEMU's measure, in ms) and the bytes sent, from the
     * completed job's stats on the target (read once: libvirt forgets them when they are read).
     */
    private static MigrationReport completed(Domain moved, Duration took) {
        Duration downtime = null;
        long bytes = 0;
        try {
            for (TypedParameter stat : moved.getJobStats(Domain.GetJobStatsFlags.COMPLETED).stats) {
                switch (stat.field) {
                    case "downtime" -> downtime = Duration.ofMillis(Long.parseLong(stat.getValueAsString()));
                    case "data_processed", "disk_processed" -> bytes += Long.parseLong(stat.getValueAsString());
                    default -> { }
                }
            }
        } catch (LibvirtException | RuntimeException e) {
            LOG.log(Level.FINE, "the migration's figures are not known", e);
        }
        return new MigrationReport(true, took, downtime, bytes);
    }

    /**
     * After a failure, the target's pre-created disks and seed go, unless the guest does run there
     * after all (the error came after the switch): then nothing is touched.
     */
    private void cleanTargetUnlessItRunsThere(UUID id, RuntimeException failed) {
        try {
            boolean runsHere = source.connection().call(NodeCall.POWER_STATE, "check " + id + " after a failed migration",
                    connect -> LibvirtHypervisorDriver.domain(connect, id).map(domain -> {
                        try {
                            return domain.isActive() != 0;
                        } catch (LibvirtException e) {
                            return false;
                        }
                    }).orElse(false));
            if (runsHere) {
                target.delete(id);
            }
        } catch (RuntimeException cleanup) {
            failed.addSuppressed(cleanup);
        }
    }
}
