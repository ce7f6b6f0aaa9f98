/** Quotas: each tenant's limits and current use of instances, vCPUs, memory, disk and networks. */
package cloud.minicloud.core.quota;
