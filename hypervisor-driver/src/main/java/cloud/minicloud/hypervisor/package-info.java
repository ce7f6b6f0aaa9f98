/** The only code that speaks libvirt: connections to compute nodes, typed XML, clones, tenant bridges and events. */
package cloud.minicloud.hypervisor;
