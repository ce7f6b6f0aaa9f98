/**
 * The ECS-compatible RPC front door (docs/ecs-api.md): on its own port, what Alibaba Cloud's SDKs
 * send, read as they mean it (../shared/ECS-API.md). {@link cloud.minicloud.web.ecs.EcsDoor} takes
 * each request, {@link cloud.minicloud.web.ecs.EcsGate} checks its AccessKey, signature (ACS3 or
 * v1), time and nonce, and the actions act through the core's services like the other doors.
 */
package cloud.minicloud.web.ecs;
