/** Turns a Keycloak-verified identity into the core's Caller, and signs people out of both the portal and Keycloak. */
package cloud.minicloud.web.security;
