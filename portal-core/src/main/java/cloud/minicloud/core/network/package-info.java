/** Tenant networks: private L2 segments with a subnet, allocated by the control plane and counted against the quota. */
package cloud.minicloud.core.network;
