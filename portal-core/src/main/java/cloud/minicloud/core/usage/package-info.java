/**
 * Metering: every change that matters for cost becomes a usage event in the same transaction as the
 * change itself (an outbox billing reads). The core records what happened; it never computes money.
 */
package cloud.minicloud.core.usage;
