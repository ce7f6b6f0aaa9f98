/** The control plane's image files: uploads streamed in with their checksum, and the templates made from them. */
package cloud.minicloud.image.store;
