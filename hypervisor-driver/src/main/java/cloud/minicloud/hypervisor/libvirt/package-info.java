/** The HypervisorDriver on libvirt: the only package that imports org.libvirt. */
package cloud.minicloud.hypervisor.libvirt;
