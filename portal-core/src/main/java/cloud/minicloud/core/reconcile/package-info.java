/**
 * Reconciliation: the hypervisor is the truth for power state. Lifecycle events (debounced) and a
 * periodic sweep compare what the database believes with what each node reports, and settle the difference.
 */
package cloud.minicloud.core.reconcile;
