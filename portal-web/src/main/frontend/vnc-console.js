// The instance's screen in the browser: noVNC's RFB client over the portal's WebSocket proxy.
// The server sets `ticket`; the element reports its state in the `status` attribute.
import RFB from '@novnc/novnc';

class VncConsole extends HTMLElement {
  static get observedAttributes() {
    return ['ticket'];
  }

  attributeChangedCallback(name, oldValue, ticket) {
    if (name !== 'ticket' || !ticket) {
      return;
    }
    if (this.rfb) {
      this.rfb.disconnect();
    }
    const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    const url = `${scheme}//${window.location.host}/vnc/${encodeURIComponent(ticket)}`;
    this.setAttribute('status', 'connecting');
    const rfb = new RFB(this, url, { wsProtocols: ['binary'] });
    this.rfb = rfb;
    rfb.scaleViewport = true;
    // A console replaced by a newer one may still report its end: only the current one sets the status.
    rfb.addEventListener('connect', () => this.rfb === rfb && this.setAttribute('status', 'connected'));
    rfb.addEventListener('disconnect', () => this.rfb === rfb && this.setAttribute('status', 'disconnected'));
  }

  disconnectedCallback() {
    if (this.rfb) {
      this.rfb.disconnect();
      this.rfb = null;
    }
  }
}

customElements.define('mc-vnc-console', VncConsole);
