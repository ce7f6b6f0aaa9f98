/** Tenants: the teams that own resources. A tenant is a Keycloak organization, known here by its alias. */
package cloud.minicloud.core.tenant;
