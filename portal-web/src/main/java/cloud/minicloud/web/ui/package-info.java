/** The Vaadin console: thin views that call one core service method per action and show DTOs only. */
package cloud.minicloud.web.ui;
