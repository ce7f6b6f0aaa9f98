/** The cloud's domain and its use cases; the web layer and the REST API call only these services. */
package cloud.minicloud.core;
