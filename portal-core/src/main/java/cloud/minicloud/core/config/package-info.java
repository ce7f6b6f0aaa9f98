/** The control plane's settings: one object, read once from the environment and injected where needed. */
package cloud.minicloud.core.config;
