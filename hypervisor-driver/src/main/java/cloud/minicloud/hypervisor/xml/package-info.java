/**
 * Typed libvirt XML: small config records that only convert themselves to and from XML through
 * the JDK's DOM, never string templates. Policy (which pool, which network) lives elsewhere.
 */
package cloud.minicloud.hypervisor.xml;
