/**
 * The ECS-compatible RPC front door (issue 15, being built): what Alibaba Cloud's SDKs send, read
 * as they mean it. So far the two request signatures (ACS3-HMAC-SHA256 and signature v1), exactly
 * as ../shared/ECS-API.md §2–3 describes them; the endpoint, AccessKeys and actions come next.
 */
package cloud.minicloud.web.ecs;
