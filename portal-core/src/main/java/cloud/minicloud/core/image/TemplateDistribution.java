package cloud.minicloud.core.image;

import cloud.minicloud.core.node.ComputeNode;
import cloud.minicloud.core.node.NodeDrivers;
import cloud.minicloud.hypervisor.HypervisorDriver;
import cloud.minicloud.hypervisor.HypervisorException;
import cloud.minicloud.hypervisor.NodeBusyException;
import cloud.minicloud.hypervisor.NodeInfo;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Copies images to compute nodes as templates, once per node, however many launches ask at once.
 * The copy runs outside any transaction: one launch takes a claim on the node's record (a lease
 * renewed every few seconds while it works), the others wait until the record says ready, and a
 * claim whose copier died runs out, so the next launch copies again, removing what the dead one
 * left. A copier that could not renew its claim for most of a lease stops before anyone can take
 * it over, so two copies of one template never overlap; waiting for another's copy is bounded.
 */
@ApplicationScoped
public class TemplateDistribution {

    private static final Logger LOG = Logger.getLogger(TemplateDistribution.class.getName());
    private static final long WAIT_MILLIS = 500;
    private static final long RENEW_SECONDS = 5;
    /** A copier without a confirmed renewal this long gives up: others may take its claim at 20 s. */
    private static final Duration UNCONFIRMED = Duration.ofSeconds(NodeTemplateRecords.LEASE_SECONDS - 6);
    /** How long a launch waits for another launch's copy before it waits in the queue instead. */
    private static final Duration WAIT_FOR_COPY = Duration.ofMinutes(10);

    @Inject
    NodeDrivers drivers;

    @Inject
    NodeTemplateRecords records;

    @Inject
    cloud.minicloud.core.config.CloudSettings settings;

    @Inject
    cloud.minicloud.core.task.Failpoints failpoints;

    @Resource
    ManagedThreadFactory managedThreads;

    private ScheduledExecutorService renewals;

    /**
     * Removes from the node the templates of deleted images that no instance disk there uses any
     * more (the driver refuses while one does: tried again on a later sweep). Runs outside any
     * transaction, like every call to a node.
     */
    public void collectLeftovers(ComputeNode node) {
        HypervisorDriver driver = drivers.of(node);
        for (Image image : records.deletedWithTemplateOn(node.id())) {
            try {
                driver.deleteTemplate(image.templateName());
                records.forget(node.id(), image.id());
                LOG.info(() -> "removed template " + image.templateName() + " of deleted image " + image.id()
                        + " from node " + node.name());
            } catch (HypervisorException stillUsed) {
                LOG.log(Level.FINE, "template of deleted image " + image.id() + " stays on " + node.name() + " for now",
                        stillUsed);
            }
        }
    }

    /** Makes sure the node holds the image as a template; returns once it does. */
    public void ensure(ComputeNode node, long imageId) {
        long nodeId = node.id();
        Image image = records.image(imageId);
        HypervisorDriver driver = drivers.of(node);
        String copier = UUID.randomUUID().toString();
        Instant waitUntil = Instant.now().plus(WAIT_FOR_COPY);
        while (true) {
            switch (records.claim(nodeId, imageId, copier)) {
                case NO_RECORD -> records.add(nodeId, imageId);
                case READY -> {
                    if (driver.hasTemplate(image.templateName())) {
                        records.used(nodeId, imageId);
                        return;
                    }
                    // Finished once, gone since (removed on the node): copy it again.
                    records.missing(nodeId, imageId);
                }
                case BEING_COPIED -> {
                    if (Instant.now().isAfter(waitUntil)) {
                        throw new NodeBusyException("another launch has been copying image " + image.name() + " to node "
                                + node.name() + " for over " + WAIT_FOR_COPY.toMinutes() + " min");
                    }
                    pause();
                }
                case YOURS -> {
                    copyHoldingTheClaim(node, image, driver, copier);
                    records.used(nodeId, imageId);
                    return;
                }
            }
        }
    }

    private void copyHoldingTheClaim(ComputeNode node, Image image, HypervisorDriver driver, String copier) {
        AtomicBoolean lost = new AtomicBoolean();
        AtomicReference<Instant> confirmed = new AtomicReference<>(Instant.now());
        ScheduledFuture<?> renewal = renewals().scheduleWithFixedDelay(() -> {
            try {
                if (records.renew(node.id(), image.id(), copier)) {
                    confirmed.set(Instant.now());
                } else {
                    lost.set(true);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not renew the claim on copying " + image.name() + " to " + node.name(), e);
            }
        }, RENEW_SECONDS, RENEW_SECONDS, TimeUnit.SECONDS);
        // Checked as the bytes flow: a copier that may have lost its claim stops before another starts.
        Runnable stillMine = () -> {
            if (lost.get() || Duration.between(confirmed.get(), Instant.now()).compareTo(UNCONFIRMED) > 0) {
                throw new NodeBusyException("the claim on copying image " + image.name() + " to node " + node.name()
                        + " could not be kept (the database did not confirm it); the copy stopped and is tried again");
            }
        };
        try {
            copy(node, image, driver, stillMine);
        } catch (RuntimeException e) {
            renewal.cancel(false);
            records.abandoned(node.id(), image.id(), copier);
            throw e;
        }
        renewal.cancel(false);
        if (lost.get() || !records.ready(node.id(), image.id(), copier)) {
            // Another launch took the claim over (this copy went silent too long): it copies; try again after it.
            throw new NodeBusyException("copying image " + image.name() + " to node " + node.name()
                    + " took so long that another launch took it over; this launch waits for that copy");
        }
    }

    private void copy(ComputeNode node, Image image, HypervisorDriver driver, Runnable stillMine) {
        String template = image.templateName();
        if (driver.hasTemplate(template)) {
            if (!driver.capabilities().templateUpload() || keptInUse(driver, template)) {
                return;
            }
        }
        if (!driver.capabilities().templateUpload()) {
            throw new HypervisorException("node " + node.name() + " lacks image " + image.name() + " and cannot receive it");
        }
        makeRoom(node, driver, image);
        try (InputStream file = Files.newInputStream(Path.of(image.location()))) {
            driver.uploadTemplate(template, file, image.sizeBytes(), image.sha256(), (done, total) -> {
                failpoints.reach("during:ENSURE_TEMPLATE");
                stillMine.run();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read image " + image.name() + " at " + image.location(), e);
        }
        LOG.info(() -> "image " + image.name() + " copied to node " + node.name() + " as " + template);
    }

    /**
     * Makes room in the node's pool for the image's template: while less than its size and a
     * reserve (a tenth of the pool, at least 1 GiB) would be free, removes the least recently used
     * template that no disk uses (the driver refuses those a disk does) and that no launch used
     * lately. Where that is not enough, the copy is tried anyway: the node has the last word.
     */
    private void makeRoom(ComputeNode node, HypervisorDriver driver, Image incoming) {
        NodeInfo info = driver.nodeInfo();
        long needed = Math.ceilDiv(incoming.sizeBytes(), 1L << 30) + Math.max(1, info.storageGib() / 10);
        long free = info.freeStorageGib();
        for (Image idle : records.idleOn(node.id(), settings.images().templateIdle())) {
            if (free >= needed) {
                return;
            }
            if (idle.templateName().equals(incoming.templateName())) {
                continue;
            }
            try {
                driver.deleteTemplate(idle.templateName());
                records.forget(node.id(), idle.id());
                free = driver.nodeInfo().freeStorageGib();
                LOG.info(() -> "removed unused template " + idle.templateName() + " (image " + idle.name() + ") from node "
                        + node.name() + " to make room for image " + incoming.name());
            } catch (HypervisorException inUse) {
                LOG.log(Level.FINE, "template " + idle.templateName() + " stays on " + node.name() + ": a disk uses it", inUse);
            }
        }
        if (free < needed) {
            long left = free;
            LOG.warning(() -> "node " + node.name() + " has " + left + " GiB free for image " + incoming.name() + " ("
                    + needed + " GiB wanted) and no unused template to remove; copying anyway");
        }
    }

    /**
     * Removes a template this database does not know as complete (a copy a crash cut short),
     * unless a disk uses it as its backing file: then it is complete and kept. Answers whether it was kept.
     */
    private static boolean keptInUse(HypervisorDriver driver, String template) {
        try {
            driver.deleteTemplate(template);
            return false;
        } catch (HypervisorException e) {
            if (e.getMessage() != null && e.getMessage().contains("backing file")) {
                return true;
            }
            throw e;
        }
    }

    private synchronized ScheduledExecutorService renewals() {
        if (renewals == null) {
            ThreadFactory threads = managedThreads != null ? managedThreads : Executors.defaultThreadFactory();
            renewals = Executors.newSingleThreadScheduledExecutor(threads);
        }
        return renewals;
    }

    private static void pause() {
        try {
            Thread.sleep(WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // Not a failure of the launch: the server is stopping; the task is resumed later.
            throw new NodeBusyException("interrupted while waiting for another launch's copy of the image");
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (renewals != null) {
            renewals.shutdownNow();
        }
    }
}
