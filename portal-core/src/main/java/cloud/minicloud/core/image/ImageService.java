package cloud.minicloud.core.image;

import cloud.minicloud.core.audit.Audited;
import cloud.minicloud.core.InvalidRequestException;
import cloud.minicloud.core.NotFoundException;
import cloud.minicloud.core.identity.AccessDeniedException;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.identity.Role;
import cloud.minicloud.core.quota.Quota;
import cloud.minicloud.core.quota.QuotaExceededException;
import cloud.minicloud.core.quota.QuotaRepository;
import cloud.minicloud.core.quota.ResourceAmounts;
import cloud.minicloud.core.quota.TenantEnrolment;
import cloud.minicloud.core.tenant.Tenant;
import cloud.minicloud.core.tenant.TenantRepository;
import cloud.minicloud.image.DiskFormat;
import cloud.minicloud.image.ImageFacts;
import cloud.minicloud.core.usage.UsageKind;
import cloud.minicloud.core.usage.UsageMeter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The image catalog as callers see it: what they may launch from, registering an image, and
 * the states its file moves it through ({@link ImageUploads} moves the bytes, outside transactions).
 */
@ApplicationScoped
@Transactional
public class ImageService {

    private static final Logger LOG = Logger.getLogger(ImageService.class.getName());
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_MIN_DISK_GIB = 1024;

    @Inject
    ImageRepository images;

    @Inject
    TenantEnrolment enrolment;

    @Inject
    QuotaRepository quotas;

    @Inject
    TenantRepository tenants;

    @Inject
    UsageMeter meter;

    /** The ACTIVE images the caller may launch from: public ones, and the caller's tenant's own. */
    public List<ImageView> available(Caller caller) {
        Long tenant = caller.tenant().isPresent() ? enrolment.tenantOf(caller).id() : null;
        return views(tenant == null ? images.publicImages() : images.visibleTo(tenant), tenant);
    }

    /**
     * The catalog in every state, newest first: a tenant's members see the ACTIVE public images
     * and all of their own; a cloud admin of no tenant sees every image of the cloud.
     */
    public List<ImageView> catalog(Caller caller) {
        boolean everything = caller.isCloudWide();
        Long tenant = everything ? null : enrolment.tenantOf(caller).id();
        List<Image> seen = images.catalog(tenant).stream()
                .filter(image -> everything || image.ownerTenantId().equals(Optional.ofNullable(tenant))
                        || image.state() == ImageState.ACTIVE)
                .toList();
        return views(seen, tenant);
    }

    /** As the tenant's members see them (null: no tenant's). */
    private List<ImageView> views(List<Image> seen, Long tenant) {
        // One query for the whole list, not one per image, to tell shared images from private ones.
        java.util.Set<Long> shared = images.sharedAmong(seen.stream().map(Image::id).toList());
        return seen.stream()
                .map(image -> image.view(shared.contains(image.id()), tenant != null && image.ownerTenantId().equals(Optional.of(tenant))))
                .toList();
    }

    public ImageView get(Caller caller, long id) {
        return view(visible(caller, id), caller);
    }

    /** Lets another tenant launch one of the caller's tenant's images (it cannot change it). */
    @Audited
    public List<String> share(Caller caller, long id, String tenantAlias) {
        Image image = manageable(caller, id);
        long owner = image.ownerTenantId().orElseThrow(() -> new InvalidRequestException(
                "image '" + image.name() + "' is public: every tenant has it already"));
        Tenant tenant = tenants.findByAlias(tenantAlias == null ? "" : tenantAlias)
                .orElseThrow(() -> new NotFoundException("tenant", String.valueOf(tenantAlias)));
        if (tenant.id() == owner) {
            throw new InvalidRequestException("image '" + image.name() + "' is your tenant's own");
        }
        images.share(id, tenant.id());
        return sharedWith(image);
    }

    /** Ends a share: that tenant launches it no more; its instances launched from it run on. */
    @Audited
    public List<String> unshare(Caller caller, long id, String tenantAlias) {
        Image image = manageable(caller, id);
        tenants.findByAlias(tenantAlias).ifPresent(tenant -> images.unshare(id, tenant.id()));
        return sharedWith(image);
    }

    /** The tenants the image is shared with, for those who may change it. */
    public List<String> shares(Caller caller, long id) {
        return sharedWith(manageable(caller, id));
    }

    private List<String> sharedWith(Image image) {
        return images.sharedWith(image.id()).stream()
                .map(tenantId -> tenants.find(tenantId).map(Tenant::alias).orElse(String.valueOf(tenantId)))
                .sorted()
                .toList();
    }

    private ImageView view(Image image, Caller caller) {
        Optional<Long> tenant = caller.tenant().map(alias -> enrolment.tenantOf(caller).id());
        return image.view(isShared(image), tenant.isPresent() && image.ownerTenantId().equals(tenant));
    }

    private boolean isShared(Image image) {
        return image.ownerTenantId().isPresent() && !images.sharedWith(image.id()).isEmpty();
    }

    /** Glance's first step: the image exists, QUEUED, and waits for its file. */
    @Audited
    public ImageView register(Caller caller, NewImage request) {
        String visibility = request == null || request.visibility() == null
                ? (caller.tenant().isPresent() ? "private" : "public") : request.visibility();
        Long owner = switch (visibility) {
            case "public" -> {
                caller.require(Role.CLOUD_ADMIN);
                yield null;
            }
            case "private" -> {
                caller.require(Role.TENANT_ADMIN);
                yield enrolment.tenantOf(caller).id();
            }
            default -> throw new InvalidRequestException("visibility is public or private, not '" + visibility + "'");
        };
        if (request == null) {
            throw new InvalidRequestException("send the image's name, os and format");
        }
        String name = request.name();
        checkName(name);
        String format = format(request.format());
        String architecture = request.architecture() == null ? "x86_64" : request.architecture();
        if (!architecture.equals("x86_64")) {
            throw new InvalidRequestException("only x86_64 images run on this cloud's nodes, not " + architecture);
        }
        int minDisk = minDisk(request.minDiskGib() == null ? 0 : request.minDiskGib());
        int minMemory = minMemory(request.minMemoryMib() == null ? 0 : request.minMemoryMib());
        String expected = request.expectedSha256() == null ? null : request.expectedSha256().toLowerCase(Locale.ROOT);
        if (expected != null && !SHA256.matcher(expected).matches()) {
            throw new InvalidRequestException("expectedSha256 is 64 hexadecimal digits");
        }
        if (images.nameTaken(owner, name)) {
            throw nameTaken(name, owner);
        }
        Image image = Image.queued(name, owner, text(request.os(), "os"), text(request.osVersion(), "osVersion"), format,
                architecture, minDisk, minMemory, expected);
        if (owner != null) {
            lockedQuota(owner).reserve(ResourceAmounts.image(0));
        }
        images.add(image);
        return view(image, caller);
    }

    /**
     * ECS's CreateImage, first half: a private image of the instance's tenant, QUEUED until the
     * instance's CREATE_IMAGE task has copied its disk. What is not said is taken from the image
     * the instance was launched from. The caller holds the instance (locked, in this transaction).
     */
    public ImageView registerFromInstance(Caller caller, long tenantId, UUID instance, long launchedFrom, NewImage request) {
        caller.require(Role.TENANT_ADMIN);
        if (request == null) {
            throw new InvalidRequestException("send the new image's name");
        }
        if (request.format() != null || request.architecture() != null || request.expectedSha256() != null
                || request.visibility() != null && !request.visibility().equals("private")) {
            throw new InvalidRequestException("an image made from an instance is a private qcow2 image of its tenant: "
                    + "send name, and optionally os, osVersion and minMemoryMib (share it once it is ACTIVE)");
        }
        String name = request.name();
        checkName(name);
        if (images.nameTaken(tenantId, name)) {
            throw nameTaken(name, tenantId);
        }
        Image source = images.find(launchedFrom).orElseThrow();
        Image image = Image.fromInstance(name, tenantId, instance,
                request.os() == null ? source.os() : text(request.os(), "os"),
                request.osVersion() == null ? source.osVersion() : text(request.osVersion(), "osVersion"),
                request.minMemoryMib() == null ? source.minMemoryMib() : minMemory(request.minMemoryMib()));
        lockedQuota(tenantId).reserve(ResourceAmounts.image(0));
        images.add(image);
        return view(image, caller);
    }

    /** No new launches from the image; instances launched from it keep running. Only an ACTIVE image. */
    @Audited
    public ImageView deactivate(Caller caller, long id) {
        return move(caller, id, ImageState.ACTIVE, "only an ACTIVE image is deactivated", Image::deactivated);
    }

    @Audited
    public ImageView reactivate(Caller caller, long id) {
        return move(caller, id, ImageState.DEACTIVATED, "only a DEACTIVATED image is reactivated", Image::reactivated);
    }

    /** An image the caller may change moves on from the one state the rule allows. */
    private ImageView move(Caller caller, long id, ImageState from, String rule, java.util.function.Consumer<Image> change) {
        Image image = manageable(caller, id);
        requireState(image, from, rule);
        change.accept(image);
        return view(image, caller);
    }

    /** Changes what is said of the image (name, OS, minimums); its file and state stay. */
    @Audited
    public ImageView describe(Caller caller, long id, NewImage change) {
        Image image = manageable(caller, id);
        if (change == null) {
            throw new InvalidRequestException("send what changes: name, os, osVersion, minDiskGib, minMemoryMib");
        }
        if (change.format() != null || change.architecture() != null || change.visibility() != null
                || change.expectedSha256() != null) {
            throw new InvalidRequestException("format, architecture, visibility and expectedSha256 are fixed once an image "
                    + "is registered: register a new image instead");
        }
        String name = change.name();
        if (name != null && !name.equals(image.name())) {
            checkName(name);
            if (images.nameTaken(image.ownerTenantId().orElse(null), name)) {
                throw nameTaken(name, image.ownerTenantId().orElse(null));
            }
        }
        image.describe(name, change.os() == null ? null : text(change.os(), "os"),
                change.osVersion() == null ? null : text(change.osVersion(), "osVersion"),
                change.minDiskGib() == null ? null : minDisk(change.minDiskGib()),
                change.minMemoryMib() == null ? null : minMemory(change.minMemoryMib()));
        return view(image, caller);
    }

    private static void requireState(Image image, ImageState state, String rule) {
        if (image.state() != state) {
            throw new ImageConflictException("invalid-state", "image '" + image.name() + "' is " + image.state() + "; " + rule);
        }
    }

    /** Deletes an image no instance uses; its files go once the transaction is committed. */
    public ImageView delete(Caller caller, long id) {
        Image image = manageable(caller, id);
        if (image.state() == ImageState.UPLOADING || image.state() == ImageState.VALIDATING) {
            throw new ImageConflictException("invalid-state", "image '" + image.name() + "' is " + image.state()
                    + "; delete it once that has ended");
        }
        long using = images.instancesUsing(id);
        if (using > 0) {
            throw new ImageConflictException("in-use", "image '" + image.name() + "' is used by " + using
                    + " instance(s); delete them first");
        }
        image.ownerTenantId().ifPresent(owner -> lockedQuota(owner).release(image.quotaHeld()));
        if (image.state() == ImageState.ACTIVE || image.state() == ImageState.DEACTIVATED) {
            meterStorage(image, false);
        }
        image.deleted();
        return view(image, caller);
    }

    // ---- the states its file moves it through; ImageUploads calls these, each its own transaction ----

    /** The file starts to arrive: only the caller who may manage the image, and only while QUEUED. */
    UploadTicket startUpload(Caller caller, long id) {
        Image image = manageable(caller, id);
        if (image.state() != ImageState.QUEUED) {
            throw new ImageConflictException("invalid-state", "image '" + image.name() + "' is " + image.state()
                    + "; a file is uploaded once, to a QUEUED image (register a new image for another file)");
        }
        image.uploading();
        return new UploadTicket(id, DiskFormat.of(image.diskFormat()), image.expectedSha256(), null,
                image.ownerTenantId().map(this::imageStorageLeft).orElse(Long.MAX_VALUE));
    }

    /** How many bytes the tenant's image storage quota has left. */
    private long imageStorageLeft(long tenantId) {
        Quota quota = quotas.find(tenantId).orElseThrow();
        long gib = Math.max(0, quota.limits().imageGib() - quota.used().imageGib());
        return gib >= Long.MAX_VALUE >> 30 ? Long.MAX_VALUE : gib << 30;
    }

    /**
     * The instance's disk starts to be copied into the image: from QUEUED, or again from
     * UPLOADING where a crash cut the copy short. Empty once the copy is done (or the image gone).
     */
    Optional<UploadTicket> startCopy(long id) {
        Image image = images.findForUpdate(id)
                .filter(i -> i.state() == ImageState.QUEUED || i.state() == ImageState.UPLOADING)
                .orElse(null);
        if (image == null) {
            return Optional.empty();
        }
        image.uploading();
        return Optional.of(new UploadTicket(id, DiskFormat.QCOW2, null, null,
                image.ownerTenantId().map(this::imageStorageLeft).orElse(Long.MAX_VALUE)));
    }

    /** The copy of the instance's disk failed for good: the image says why, and holds no storage. */
    void copyFailed(long id, String why) {
        reject(id, why, ImageState.QUEUED, ImageState.UPLOADING);
    }

    void uploadCut(long id, String why) {
        images.findForUpdate(id).filter(i -> i.state() == ImageState.UPLOADING).ifPresent(image -> image.uploadCut(why));
    }

    /**
     * The file arrived: its tenant's quota is charged for the storage (whole GiB) and the image
     * goes on to VALIDATING; false, and REJECTED, where the quota no longer has room.
     */
    boolean uploaded(long id, long bytes, String sha256) {
        Image image = images.findForUpdate(id).filter(i -> i.state() == ImageState.UPLOADING).orElse(null);
        if (image == null) {
            return false;
        }
        if (!charge(image, gibOf(bytes))) {
            return false;
        }
        image.validating(bytes, sha256);
        return true;
    }

    /**
     * Charges the owner's image storage quota up to {@code gib} for the image (what it holds
     * already counts); false, and the image REJECTED, where the quota has no room.
     */
    private boolean charge(Image image, long gib) {
        if (image.ownerTenantId().isEmpty() || gib <= image.chargedGib()) {
            return true;
        }
        try {
            lockedQuota(image.ownerTenantId().get()).reserve(ResourceAmounts.imageStorage(gib - image.chargedGib()));
        } catch (QuotaExceededException full) {
            release(image);
            image.rejected(full.getMessage());
            return false;
        }
        image.charged(gib);
        return true;
    }

    private static long gibOf(long bytes) {
        return Math.max(1, Math.ceilDiv(bytes, 1L << 30));
    }

    /** What validating the image needs to know; empty once it is no longer VALIDATING (deleted meanwhile). */
    Optional<UploadTicket> toValidate(long id) {
        return images.find(id).filter(i -> i.state() == ImageState.VALIDATING)
                .map(i -> new UploadTicket(id, DiskFormat.of(i.diskFormat()), i.expectedSha256(), i.uploadSha256(), 0));
    }

    /**
     * Validated: ACTIVE, its quota charged for the larger of upload and template (a compressed
     * upload grows when converted). False where it is no longer VALIDATING (deleted meanwhile) or
     * the template does not fit the quota (then REJECTED): the caller removes the template.
     */
    boolean accepted(long id, Path template, String sha256, long virtualSize, long bytes, long neededDiskGib) {
        Image image = images.findForUpdate(id).filter(i -> i.state() == ImageState.VALIDATING).orElse(null);
        if (image == null || !charge(image, gibOf(bytes))) {
            return false;
        }
        image.accepted(template.toString(), sha256, virtualSize, bytes, neededDiskGib);
        meterStorage(image, true);
        return true;
    }

    /** A tenant's custom image is stored (from ACTIVE until deleted) at the GiB its quota is charged. */
    private void meterStorage(Image image, boolean begins) {
        image.ownerTenantId().ifPresent(owner -> meter.storage(owner, UsageKind.IMAGE, "image-" + image.id(), image.name(),
                (int) image.chargedGib(), begins, java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
    }

    /** Refused: its storage goes back to the quota; the image itself counts until deleted. */
    void rejected(long id, String why) {
        reject(id, why, ImageState.UPLOADING, ImageState.VALIDATING);
    }

    /** REJECTED with the reason, if it is in one of the states; its storage goes back to the quota. */
    private void reject(long id, String why, ImageState... from) {
        images.findForUpdate(id)
                .filter(i -> java.util.Arrays.asList(from).contains(i.state()))
                .ifPresent(image -> {
                    release(image);
                    image.rejected(why);
                });
    }

    /** Gives the storage charged for the image back to its tenant's quota. */
    private void release(Image image) {
        image.ownerTenantId().ifPresent(owner -> lockedQuota(owner).release(ResourceAmounts.imageStorage(image.chargedGib())));
        image.charged(0);
    }

    private Quota lockedQuota(long tenantId) {
        return quotas.findForUpdate(tenantId).orElseThrow();
    }

    List<Image> inState(ImageState state) {
        return images.inState(state);
    }

    /**
     * What an upload and its validation carry from one transaction to the next.
     *
     * @param storageLeft how many bytes the owner's image storage quota has left (unbounded for public images)
     */
    record UploadTicket(long imageId, DiskFormat format, String expectedSha256, String uploadSha256, long storageLeft) {
    }

    /**
     * Publishes an image file that ships with the cloud (deploy's tiny-linux), once, with what
     * inspecting it found (before the transaction: it reads the whole file); an image of that
     * name already published only takes new facts of a rebuilt file.
     */
    public void publishBundled(String name, Path file, ImageFacts facts, String os, String osVersion, int minMemoryMib) {
        Optional<Image> published = images.publicImage(name);
        if (published.isPresent()) {
            // deploy rebuilt the file: new bytes, so a new template on the nodes (named by checksum)
            if (published.get().rebuiltAs(facts)) {
                LOG.info(() -> "image " + name + " was rebuilt (sha256 " + facts.sha256() + ")");
            }
            return;
        }
        images.add(Image.publicImage(name, os, osVersion, (int) facts.minDiskGib(), minMemoryMib,
                facts.virtualSizeBytes(), facts.fileSizeBytes(), facts.sha256(), file.toString()));
        LOG.info(() -> "published image " + name + " from " + file + " (sha256 " + facts.sha256() + ")");
    }

    /** An image the caller may see: public ACTIVE ones, their tenant's, or any for a cloud admin. */
    private Image visible(Caller caller, long id) {
        Image image = images.find(id).filter(i -> i.state() != ImageState.DELETED)
                .orElseThrow(() -> new NotFoundException("image", String.valueOf(id)));
        if (caller.isCloudWide()) {
            return image;
        }
        Optional<Long> owner = image.ownerTenantId();
        Optional<Long> callersTenant = caller.tenant().map(alias -> enrolment.tenantOf(caller).id());
        boolean own = owner.isPresent() && owner.equals(callersTenant);
        boolean seen = own
                || owner.isEmpty() && (image.state() == ImageState.ACTIVE || caller.has(Role.CLOUD_ADMIN))
                || image.state() == ImageState.ACTIVE && callersTenant.isPresent()
                        && images.sharedWith(id).contains(callersTenant.get());
        if (!seen) {
            throw new NotFoundException("image", String.valueOf(id));
        }
        return image;
    }

    /** An image the caller may change: public ones for cloud admins, a tenant's for its tenant admins. */
    private Image manageable(Caller caller, long id) {
        images.findForUpdate(id);
        Image image = visible(caller, id);
        boolean own = image.ownerTenantId().isPresent() && caller.tenant().isPresent()
                && image.ownerTenantId().get() == enrolment.tenantOf(caller).id();
        Role needed = image.ownerTenantId().isEmpty() ? Role.CLOUD_ADMIN : Role.TENANT_ADMIN;
        // A cloud admin acting for a tenant changes public images and that tenant's, not those shared with it.
        boolean cloudWide = caller.has(Role.CLOUD_ADMIN) && (caller.tenant().isEmpty() || image.ownerTenantId().isEmpty());
        boolean allowed = cloudWide || own && caller.has(needed);
        if (!allowed) {
            throw new AccessDeniedException(caller.username() + " lacks the role " + needed.realmName()
                    + " to change image '" + image.name() + "'");
        }
        return image;
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidRequestException("an image name is 1 to 63 letters, digits, '.', '_' or '-', starting with "
                    + "a letter or digit");
        }
    }

    private static ImageConflictException nameTaken(String name, Long owner) {
        return new ImageConflictException("name-taken", "an image named '" + name + "' exists already"
                + (owner == null ? " among the public images" : " in your tenant") + "; choose another name");
    }

    private static int minDisk(int gib) {
        if (gib < 0 || gib > MAX_MIN_DISK_GIB) {
            throw new InvalidRequestException("minDiskGib is 0 to " + MAX_MIN_DISK_GIB);
        }
        return gib;
    }

    private static int minMemory(int mib) {
        if (mib < 0 || mib > 65536) {
            throw new InvalidRequestException("minMemoryMib is 0 to 65536");
        }
        return mib;
    }

    private static String format(String format) {
        if (format == null) {
            throw new InvalidRequestException("format is one of qcow2, raw, vmdk, iso");
        }
        try {
            return DiskFormat.of(format).apiName();
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        }
    }

    private static String text(String value, String field) {
        if (value == null || value.isBlank() || value.length() > 64) {
            throw new InvalidRequestException(field + " is 1 to 64 characters");
        }
        return value.strip();
    }
}
