/**
 * Resumable tasks: operations queued in the database, run step by step by a pool of workers,
 * each step recorded before and after it runs, so a restarted server resumes or rolls back
 * whatever a crash interrupted.
 */
package cloud.minicloud.core.task;
