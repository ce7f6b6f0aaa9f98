/** Who is asking: the authenticated caller, their tenant and roles, as established by the web layer from a verified token. */
package cloud.minicloud.core.identity;
