/**
 * What operators measure: tasks by kind and state, launch latency, libvirt call latency per
 * node, nodes by health, instances by state; recorded through Micrometer (WildFly serves them to
 * Prometheus).
 */
package cloud.minicloud.core.metrics;
