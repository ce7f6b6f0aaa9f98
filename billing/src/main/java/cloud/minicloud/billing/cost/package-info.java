/** What a tenant's usage cost over a span of days: the lines rated so far and the hour under way. */
package cloud.minicloud.billing.cost;
