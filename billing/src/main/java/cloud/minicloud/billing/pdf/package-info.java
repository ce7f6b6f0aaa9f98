/** PDF reports (statements, chargeback) a reader opens, in English or Simplified Chinese. */
package cloud.minicloud.billing.pdf;
