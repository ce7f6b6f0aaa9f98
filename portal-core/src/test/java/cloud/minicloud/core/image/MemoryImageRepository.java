package cloud.minicloud.core.image;

import cloud.minicloud.core.testing.Entities;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Images and the nodes' template records in memory, with the same claim rules as the database's. */
public class MemoryImageRepository implements ImageRepository {

    private final List<Image> images = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, Record> templates = new ConcurrentHashMap<>();

    private static final class Record {
        boolean ready;
        String copier;
        Instant copyingUntil;
    }

    private static String key(long nodeId, long imageId) {
        return nodeId + "/" + imageId;
    }

    @Override
    public List<Image> visibleTo(long tenantId) {
        return images.stream().filter(i -> Entities.get(i, "ownerTenantId") == null
                || Long.valueOf(tenantId).equals(Entities.get(i, "ownerTenantId"))).toList();
    }

    @Override
    public List<Image> publicImages() {
        return images.stream().filter(i -> Entities.get(i, "ownerTenantId") == null).toList();
    }

    @Override
    public Optional<Image> publicImage(String name) {
        return publicImages().stream().filter(i -> i.name().equals(name)).findFirst();
    }

    @Override
    public void add(Image image) {
        Entities.set(image, "id", ids.incrementAndGet());
        images.add(image);
    }

    @Override
    public Optional<Image> visibleByName(long tenantId, String name) {
        return visibleTo(tenantId).stream().filter(i -> i.name().equals(name)).findFirst();
    }

    @Override
    public Optional<Image> find(long id) {
        return images.stream().filter(i -> i.id() == id).findFirst();
    }

    @Override
    public void recordTemplateOnNode(long nodeId, long imageId) {
        templates.putIfAbsent(key(nodeId, imageId), new Record());
    }

    @Override
    public synchronized TemplateCopy claimTemplateCopy(long nodeId, long imageId, String copier, int leaseSeconds) {
        Record record = templates.get(key(nodeId, imageId));
        if (record == null) {
            return TemplateCopy.NO_RECORD;
        }
        if (record.ready) {
            return TemplateCopy.READY;
        }
        if (record.copier != null && !record.copier.equals(copier) && record.copyingUntil.isAfter(Instant.now())) {
            return TemplateCopy.BEING_COPIED;
        }
        record.copier = copier;
        record.copyingUntil = Instant.now().plusSeconds(leaseSeconds);
        return TemplateCopy.YOURS;
    }

    @Override
    public synchronized boolean renewTemplateCopy(long nodeId, long imageId, String copier, int leaseSeconds) {
        Record record = templates.get(key(nodeId, imageId));
        if (!copier.equals(record.copier)) {
            return false;
        }
        record.copyingUntil = Instant.now().plusSeconds(leaseSeconds);
        return true;
    }

    @Override
    public synchronized boolean templateReadyOnNode(long nodeId, long imageId, String copier) {
        Record record = templates.get(key(nodeId, imageId));
        if (!copier.equals(record.copier)) {
            return false;
        }
        record.ready = true;
        record.copier = null;
        return true;
    }

    @Override
    public synchronized void templateCopyAbandoned(long nodeId, long imageId, String copier) {
        Record record = templates.get(key(nodeId, imageId));
        if (copier.equals(record.copier)) {
            record.copier = null;
        }
    }

    @Override
    public synchronized void templateMissingOnNode(long nodeId, long imageId) {
        templates.get(key(nodeId, imageId)).ready = false;
    }
}
