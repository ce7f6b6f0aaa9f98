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
        Instant lastUsed;
    }

    private static String key(long nodeId, long imageId) {
        return nodeId + "/" + imageId;
    }

    /** How many live instances use an image: the instances' repository answers, where a test wires one. */
    public java.util.function.ToLongFunction<Long> instancesUsing = id -> 0;

    private static Long owner(Image image) {
        return (Long) Entities.get(image, "ownerTenantId");
    }

    private final java.util.Set<String> shares = ConcurrentHashMap.newKeySet();

    private boolean sharedWithTenant(Image image, long tenantId) {
        return shares.contains(image.id() + "/" + tenantId);
    }

    @Override
    public void share(long imageId, long tenantId) {
        shares.add(imageId + "/" + tenantId);
    }

    @Override
    public void unshare(long imageId, long tenantId) {
        shares.remove(imageId + "/" + tenantId);
    }

    @Override
    public java.util.Set<Long> sharedAmong(java.util.Collection<Long> imageIds) {
        return imageIds.stream().filter(id -> !sharedWith(id).isEmpty()).collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public List<Long> sharedWith(long imageId) {
        return shares.stream().filter(s -> s.startsWith(imageId + "/"))
                .map(s -> Long.parseLong(s.substring(s.indexOf('/') + 1))).sorted().toList();
    }

    private java.util.stream.Stream<Image> live() {
        return images.stream().filter(i -> i.state() != ImageState.DELETED);
    }

    @Override
    public List<Image> visibleTo(long tenantId) {
        return live().filter(i -> i.state() == ImageState.ACTIVE)
                .filter(i -> owner(i) == null || Long.valueOf(tenantId).equals(owner(i)) || sharedWithTenant(i, tenantId))
                .toList();
    }

    @Override
    public List<Image> publicImages() {
        return live().filter(i -> i.state() == ImageState.ACTIVE && owner(i) == null).toList();
    }

    @Override
    public Optional<Image> publicImage(String name) {
        return live().filter(i -> owner(i) == null && i.name().equals(name)).findFirst();
    }

    @Override
    public List<Image> catalog(Long tenantId) {
        return live().filter(i -> tenantId == null || owner(i) == null || tenantId.equals(owner(i))
                        || sharedWithTenant(i, tenantId))
                .sorted(java.util.Comparator.comparing(Image::id).reversed()).toList();
    }

    @Override
    public boolean nameTaken(Long ownerTenantId, String name) {
        return live().anyMatch(i -> i.name().equals(name) && java.util.Objects.equals(owner(i), ownerTenantId));
    }

    @Override
    public long instancesUsing(long imageId) {
        return instancesUsing.applyAsLong(imageId);
    }

    @Override
    public List<Image> deletedWithTemplateOn(long nodeId) {
        return images.stream()
                .filter(i -> i.state() == ImageState.DELETED && i.sha256() != null && templates.containsKey(key(nodeId, i.id())))
                .filter(i -> live().noneMatch(other -> i.sha256().equals(other.sha256())))
                .toList();
    }

    @Override
    public synchronized java.util.Set<Long> nodesWithTemplate(long imageId) {
        java.util.Set<Long> nodes = new java.util.HashSet<>();
        templates.forEach((key, record) -> {
            if (record.ready && key.endsWith("/" + imageId)) {
                nodes.add(Long.parseLong(key.substring(0, key.indexOf('/'))));
            }
        });
        return nodes;
    }

    @Override
    public synchronized void templateUsed(long nodeId, long imageId) {
        Record record = templates.get(key(nodeId, imageId));
        if (record != null) {
            record.lastUsed = Instant.now();
        }
    }

    @Override
    public synchronized List<Image> idleTemplatesOn(long nodeId, java.time.Duration idle) {
        Instant before = Instant.now().minus(idle);
        return images.stream()
                .filter(i -> {
                    Record record = templates.get(key(nodeId, i.id()));
                    return record != null && record.ready && (record.lastUsed == null || !record.lastUsed.isAfter(before));
                })
                .sorted(java.util.Comparator.comparing((Image i) -> templates.get(key(nodeId, i.id())).lastUsed,
                        java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())))
                .toList();
    }

    @Override
    public void forgetTemplateOnNode(long nodeId, long imageId) {
        templates.remove(key(nodeId, imageId));
    }

    @Override
    public List<Image> inState(ImageState state) {
        return images.stream().filter(i -> i.state() == state).toList();
    }

    @Override
    public void add(Image image) {
        Entities.set(image, "id", ids.incrementAndGet());
        images.add(image);
    }

    @Override
    public Optional<Image> visibleByName(long tenantId, String name) {
        return visibleTo(tenantId).stream().filter(i -> i.name().equals(name))
                .min(java.util.Comparator.comparingInt(i -> Long.valueOf(tenantId).equals(owner(i)) ? 0 : owner(i) == null ? 1 : 2));
    }

    @Override
    public Optional<Image> findForUpdate(long id) {
        return find(id);
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
