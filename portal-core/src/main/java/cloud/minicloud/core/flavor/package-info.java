/** Flavors: the instance types a tenant picks from, with their size and hourly price. */
package cloud.minicloud.core.flavor;
