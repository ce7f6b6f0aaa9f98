/** Images as the console lists them: public images and a tenant's own, each already validated. */
package cloud.minicloud.core.image;
