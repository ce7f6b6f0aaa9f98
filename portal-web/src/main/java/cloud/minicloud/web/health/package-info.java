/** MicroProfile Health checks WildFly serves on its management port: liveness and readiness of the control plane. */
package cloud.minicloud.web.health;
