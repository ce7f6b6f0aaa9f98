/** The portal's WAR: the Vaadin console, the REST API and the wiring that ties them to Keycloak and the database. */
package cloud.minicloud.web;
