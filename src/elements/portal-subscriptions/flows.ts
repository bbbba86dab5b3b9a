import type { TemplateResult } from 'lit';
import { renderCancel } from './cancel-view.js';
import { renderChange } from './change-view.js';
import type { SubsHost } from './host.js';
import { renderPause } from './pause-view.js';
import { renderSubscribe } from './subscribe-view.js';

/**
 * The flows of `<portal-subscriptions>`, fetched the first time one opens: the list alone does not
 * carry them (the section stays small until the customer acts).
 */

export { changeRefused, changed } from './change-view.js';
export { subscribeRefused } from './subscribe-view.js';

/** The open flow's current step. */
export function renderPanel(host: SubsHost): TemplateResult {
  const panel = host.panel;
  switch (panel.kind) {
    case 'subscribe':
      return renderSubscribe(host, panel);
    case 'change':
      return renderChange(host, panel);
    case 'cancel':
      return renderCancel(host, panel);
    case 'pause':
      return renderPause(host, panel);
    case 'list':
      throw new Error('the list is not a flow');
  }
}
