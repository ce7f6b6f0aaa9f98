/**
 * The browser console: one-time tickets for an instance's screen, and the WebSocket proxy that
 * carries noVNC's traffic to the node's VNC server.
 */
package cloud.minicloud.web.console;
