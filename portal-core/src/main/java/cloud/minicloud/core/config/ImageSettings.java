package cloud.minicloud.core.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the catalog keeps image files, and how large an image may be.
 *
 * @param storeDir            uploads as they arrive and validated templates ({@code MINICLOUD_IMAGE_STORE};
 *                            by default {@code catalog/} beside deploy's bundled images)
 * @param maxUploadBytes      the largest file an upload may send ({@code MINICLOUD_IMAGE_MAX_UPLOAD_GIB}, 20)
 * @param maxVirtualSizeBytes the largest disk an image may describe ({@code MINICLOUD_IMAGE_MAX_DISK_GIB}, 1024)
 * @param templateIdle        how long a node's template must have gone unused before it may be
 *                            removed to make room ({@code MINICLOUD_TEMPLATE_IDLE_MINUTES}, 10): a
 *                            launch uses its template seconds after making sure it is there
 */
public record ImageSettings(String storeDir, long maxUploadBytes, long maxVirtualSizeBytes,
                            java.time.Duration templateIdle) {

    private static final int DEFAULT_UPLOAD_GIB = 20;
    private static final int DEFAULT_DISK_GIB = 1024;
    private static final int DEFAULT_IDLE_MINUTES = 10;

    static ImageSettings defaults(String imagesDir) {
        return new ImageSettings(defaultStore(imagesDir), (long) DEFAULT_UPLOAD_GIB << 30, (long) DEFAULT_DISK_GIB << 30,
                java.time.Duration.ofMinutes(DEFAULT_IDLE_MINUTES));
    }

    static ImageSettings from(Map<String, String> env, String imagesDir) {
        String store = env.get("MINICLOUD_IMAGE_STORE");
        return new ImageSettings(store == null || store.isBlank() ? defaultStore(imagesDir) : store.strip(),
                (long) CloudSettings.number(env, "MINICLOUD_IMAGE_MAX_UPLOAD_GIB", DEFAULT_UPLOAD_GIB) << 30,
                (long) CloudSettings.number(env, "MINICLOUD_IMAGE_MAX_DISK_GIB", DEFAULT_DISK_GIB) << 30,
                java.time.Duration.ofMinutes(CloudSettings.number(env, "MINICLOUD_TEMPLATE_IDLE_MINUTES", DEFAULT_IDLE_MINUTES)));
    }

    public ImageSettings withMaxUploadBytes(long bytes) {
        return new ImageSettings(storeDir, bytes, maxVirtualSizeBytes, templateIdle);
    }

    public ImageSettings withStoreDir(String dir) {
        return new ImageSettings(dir, maxUploadBytes, maxVirtualSizeBytes, templateIdle);
    }

    public ImageSettings withTemplateIdle(java.time.Duration idle) {
        return new ImageSettings(storeDir, maxUploadBytes, maxVirtualSizeBytes, idle);
    }

    private static String defaultStore(String imagesDir) {
        return imagesDir == null ? "/var/lib/minicloud/images" : Path.of(imagesDir, "catalog").toString();
    }
}
