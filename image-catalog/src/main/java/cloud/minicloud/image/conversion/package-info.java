/** qemu-img on inspected images (told the format, under limits): second opinion, check, conversion to a template. */
package cloud.minicloud.image.conversion;
