package cloud.minicloud.web.ecs;

/**
 * ECS's DryRun on the actions that change something: the request is checked as it would be
 * (parameters, ownership, state, quota, room) and nothing is done; a request that would pass is
 * answered with the error {@code DryRunOperation}, as ECS answers it. DescribeInstances takes it
 * too; the other describe actions ignore it.
 */
final class EcsDryRun {

    private EcsDryRun() {
    }

    static boolean asked(AcsParameters parameters) {
        return "true".equalsIgnoreCase(parameters.get("DryRun"));
    }

    static EcsFault passed() {
        return new EcsFault("DryRunOperation", 400, "Request validation has been passed with DryRun flag set.");
    }
}
