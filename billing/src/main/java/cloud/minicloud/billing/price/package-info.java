/** Price lists: versioned prices per flavor-hour and per storage GiB-hour, each in force from its time on. */
package cloud.minicloud.billing.price;
