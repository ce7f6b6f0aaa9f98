/**
 * Reading an untrusted image's own headers, in Java, before any other program does: one
 * inspection per format, and the marks of every format a polyglot could carry.
 */
package cloud.minicloud.image.inspection;
