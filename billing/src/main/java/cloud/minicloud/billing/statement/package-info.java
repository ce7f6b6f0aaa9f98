/** Monthly statements per tenant: closed once the month is over and never changed after; CSV and PDF. */
package cloud.minicloud.billing.statement;
