/** Usage metering, price lists, rating, statements and their exports. */
package cloud.minicloud.billing;
