/**
 * Rating: usage events become priced lines, one per resource, item, hour and price list, computed
 * from the events alone so that a re-run writes the same lines.
 */
package cloud.minicloud.billing.rating;
