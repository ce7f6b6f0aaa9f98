package cloud.minicloud.core.image;

import cloud.minicloud.core.node.ComputeNode;
import cloud.minicloud.core.node.NodeDrivers;
import cloud.minicloud.core.node.NodeRepository;
import cloud.minicloud.hypervisor.HypervisorDriver;
import cloud.minicloud.hypervisor.HypervisorException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

/** Copies images to compute nodes as templates, once per node, however many launches ask at once. */
@ApplicationScoped
public class TemplateDistribution {

    private static final Logger LOG = Logger.getLogger(TemplateDistribution.class.getName());

    @Inject
    ImageRepository images;

    @Inject
    NodeRepository nodes;

    @Inject
    NodeDrivers drivers;

    @Inject
    NodeTemplateRecords records;

    /**
     * Makes sure the node holds the image as a template. Holds the node's record of the image
     * locked while copying, so concurrent launches wait for one copy instead of racing.
     */
    @Transactional
    public void ensure(long nodeId, long imageId) {
        records.add(nodeId, imageId);
        boolean ready = images.lockTemplateOnNode(nodeId, imageId);
        ComputeNode node = nodes.find(nodeId).orElseThrow();
        Image image = images.find(imageId).orElseThrow();
        HypervisorDriver driver = drivers.of(node);
        String template = image.templateName();
        boolean present = driver.hasTemplate(template);
        if (ready && present) {
            return;
        }
        if (present && (!driver.capabilities().templateUpload() || keptInUse(driver, template))) {
            images.templateReadyOnNode(nodeId, imageId);
            return;
        }
        if (!driver.capabilities().templateUpload()) {
            throw new HypervisorException("node " + node.name() + " lacks image " + image.name() + " and cannot receive it");
        }
        try (InputStream file = Files.newInputStream(Path.of(image.location()))) {
            driver.uploadTemplate(template, file, image.sizeBytes(), image.sha256(), (done, total) -> { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read image " + image.name() + " at " + image.location(), e);
        }
        images.templateReadyOnNode(nodeId, imageId);
        LOG.info(() -> "image " + image.name() + " copied to node " + node.name() + " as " + template);
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
}
