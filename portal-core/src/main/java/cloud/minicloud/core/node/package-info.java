/** Compute nodes: registration, probing through the hypervisor driver, and what admins see of them. */
package cloud.minicloud.core.node;
