/**
 * The REST API under /api: JSON over the same core services as the console, authenticated with
 * Keycloak bearer tokens, errors as application/problem+json.
 */
package cloud.minicloud.web.api;
