/**
 * What the core receives from the application server: its settings, read once from the
 * environment, and the hypervisor driver technology (libvirt) behind the core's driver port.
 */
package cloud.minicloud.web.wiring;
