/** Brings the database schema up to date when the portal is deployed. */
package cloud.minicloud.web.schema;
