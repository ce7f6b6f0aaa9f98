/** Images: upload, validation by format inspection, checksums, visibility and distribution of templates to nodes. */
package cloud.minicloud.image;
