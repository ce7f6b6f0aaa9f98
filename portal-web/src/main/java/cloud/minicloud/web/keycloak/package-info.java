/** Keycloak's admin API, through Keycloak's own admin client: where tenants and their members are kept. */
package cloud.minicloud.web.keycloak;
