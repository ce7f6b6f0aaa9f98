package cloud.minicloud.core.task;

/** What a task does to its instance. */
public enum TaskKind { LAUNCH, START, STOP, REBOOT, RESIZE, CREATE_IMAGE, DELETE, MIGRATE }
