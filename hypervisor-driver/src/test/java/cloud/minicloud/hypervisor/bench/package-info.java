/** Benchmark programs that print figures; they are run by hand (deploy/bench), never as tests. */
package cloud.minicloud.hypervisor.bench;
