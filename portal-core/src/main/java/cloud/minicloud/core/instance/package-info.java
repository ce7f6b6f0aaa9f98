/**
 * Instances: ordering them within quota and capacity, the tasks that launch and operate them on
 * their node, and the state the control plane shows (reconciled to what the hypervisor reports).
 */
package cloud.minicloud.core.instance;
