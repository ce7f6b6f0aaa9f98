/**
 * An in-memory hypervisor driver that passes the same contract suite as the libvirt one, with
 * faults to inject (a call that hangs, fails or loses its node): the control plane's use cases
 * are tested against it without libvirt, a database or an application server.
 */
package cloud.minicloud.hypervisor.fake;
