// A bar chart of amounts (each day's costs, each tenant's), drawn by Chart.js on a canvas.
// The server sets `bars`: a JSON array of {label, amount, text}, `text` being the amount as the
// portal formats money. Once drawn, the element says how many bars it drew in `drawn`.
import { Chart, BarController, BarElement, CategoryScale, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

class CostChart extends HTMLElement {
  static get observedAttributes() {
    return ['bars'];
  }

  connectedCallback() {
    this.draw();
  }

  attributeChangedCallback() {
    this.draw();
  }

  disconnectedCallback() {
    if (this.chart) {
      this.chart.destroy();
      this.chart = null;
    }
  }

  draw() {
    const json = this.getAttribute('bars');
    if (!this.isConnected || !json) {
      return;
    }
    const bars = JSON.parse(json);
    if (!this.canvas) {
      this.canvas = document.createElement('canvas');
      this.appendChild(this.canvas);
    }
    if (this.chart) {
      this.chart.destroy();
    }
    this.chart = new Chart(this.canvas, {
      type: 'bar',
      data: {
        labels: bars.map((bar) => bar.label),
        datasets: [{ data: bars.map((bar) => Number(bar.amount)), backgroundColor: '#3b82f6', borderRadius: 2 }],
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        plugins: { tooltip: { callbacks: { label: (item) => bars[item.dataIndex].text } } },
        scales: { y: { beginAtZero: true } },
      },
    });
    this.setAttribute('drawn', String(this.chart.getDatasetMeta(0).data.length));
  }
}

customElements.define('mc-cost-chart', CostChart);
