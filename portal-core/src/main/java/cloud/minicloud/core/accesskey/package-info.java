/** AccessKey pairs: how scripts using Alibaba Cloud's SDKs sign their requests to the ECS-compatible API. */
package cloud.minicloud.core.accesskey;
