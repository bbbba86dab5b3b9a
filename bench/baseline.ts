import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/** The smallest useful Lit element, built with the same settings: the floor every figure is read against. */
@customElement('bench-baseline')
export class BenchBaseline extends LitElement {
  @property() name = 'World';

  override render() {
    return html`<p>Hello, ${this.name}!</p>`;
  }
}
