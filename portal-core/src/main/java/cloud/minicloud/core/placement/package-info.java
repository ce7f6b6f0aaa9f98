/** Placement: which compute node gets an instance, and the capacity claim that keeps the node from overfilling. */
package cloud.minicloud.core.placement;
