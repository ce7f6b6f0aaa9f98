/**
 * The hypervisor contract: {@link cloud.minicloud.hypervisor.HypervisorDriver} and its value
 * types, in plain JDK types. The rest of the cloud drives compute nodes only through it.
 */
package cloud.minicloud.hypervisor;
