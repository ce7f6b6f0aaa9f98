package cloud.minicloud.web.ecs;

import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.instance.InstanceAction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The ECS actions this cloud answers (API version 2014-05-26) and the VPC API's few (2016-04-28), each handed to the class of its
 * domain, which acts through the same core services as the REST API and the console and answers in
 * the shapes the SDKs deserialize (ECS-API.md §6–7): PascalCase names, lists always as arrays. The
 * answer's RequestId is the door's.
 */
@ApplicationScoped
public class EcsActions {

    static final String ECS = "2014-05-26";

    @Inject
    EcsCatalog catalog;

    @Inject
    EcsInstances instances;

    @Inject
    EcsVpcs vpcs;

    @Inject
    EcsKeyPairs keyPairs;

    Map<String, Object> run(String version, String action, AcsParameters parameters, Caller caller, String endpoint) {
        if (ECS.equals(version)) {
            switch (action == null ? "" : action) {
                case "DescribeRegions":
                    return catalog.regions(endpoint);
                case "DescribeZones":
                    return catalog.zones(parameters, caller);
                case "DescribeInstanceTypes":
                    return catalog.instanceTypes(parameters, caller);
                case "DescribeImages":
                    return catalog.images(parameters, caller);
                case "RunInstances":
                    return instances.run(parameters, caller);
                case "DescribeInstances":
                    return instances.describe(parameters, caller);
                case "DescribeInstanceStatus":
                    return instances.statuses(parameters, caller);
                case "StartInstance":
                    return instances.power(parameters, caller, InstanceAction.START);
                case "StopInstance":
                    return instances.power(parameters, caller, InstanceAction.STOP);
                case "RebootInstance":
                    return instances.power(parameters, caller, InstanceAction.REBOOT);
                case "DeleteInstance":
                    return instances.delete(parameters, caller);
                case "CreateKeyPair":
                    return keyPairs.create(parameters, caller);
                case "ImportKeyPair":
                    return keyPairs.importKey(parameters, caller);
                case "DescribeKeyPairs":
                    return keyPairs.describe(parameters, caller);
                case "DeleteKeyPairs":
                    return keyPairs.delete(parameters, caller);
                default:
                    break;
            }
        }
        if (EcsVpcs.VPC.equals(version)) {
            switch (action == null ? "" : action) {
                case "DescribeVpcs":
                    return vpcs.vpcs(parameters, caller);
                case "DescribeVSwitches":
                    return vpcs.vSwitches(parameters, caller);
                case "CreateVSwitch":
                    return vpcs.createVSwitch(parameters, caller);
                default:
                    break;
            }
        }
        throw new EcsFault("InvalidParameter", 400, "The specified parameter Action or Version is not valid.");
    }
}
