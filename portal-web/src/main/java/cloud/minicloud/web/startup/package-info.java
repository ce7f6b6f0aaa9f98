/** What the portal does when it is deployed: schema migrations, publishing bundled images, registering the local node. */
package cloud.minicloud.web.startup;
