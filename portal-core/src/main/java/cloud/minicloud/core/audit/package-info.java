/** The one place every state-changing action of a caller passes: today a log, the audit log's hook. */
package cloud.minicloud.core.audit;
