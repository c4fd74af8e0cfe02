// Escalations to payments: agents raise them (a note, optionally linked to an open alert, a
// merchant and an outreach item); everyone on the board, on-call above all, sees the list.

import { el } from './alert-card.js';
import { formatTime } from './format.js';
import { problemText, raiseEscalation } from './outreach-api.js';

export class EscalationsPanel {
  /**
   * @param {object} options
   * @param {HTMLElement} options.panel
   * @param {HTMLOListElement} options.list
   * @param {HTMLFormElement} options.form the "escalate to payments" form (hidden unless the user may raise one)
   * @param {boolean} options.canRaise
   * @param {import('./alert-store.js').AlertStore} options.alerts open alerts to link to
   */
  constructor({ panel, list, form, canRaise, alerts }) {
    Object.assign(this, { panel, list, form, canRaise, alerts });
    this.escalations = new Map();
    this.link = { merchantId: null, outreachItemId: null };
    form.hidden = !canRaise;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
  }

  replaceAll(escalations) {
    this.escalations.clear();
    this.add(escalations);
  }

  add(escalations) {
    for (const e of escalations ?? []) {
      this.escalations.set(e.id, e);
    }
    this.render();
  }

  /** Opens the form for an outreach item: its merchant and, for an incident failure, its alert. */
  prefill(item) {
    this.link = { merchantId: item.merchantId, outreachItemId: item.id };
    this.refreshAlertChoices();
    const alert = [...this.alerts.values()].find((a) => a.incidentKey === item.incidentKey && item.incidentKey)
      ?? [...this.alerts.values()].find((a) => a.merchantId === item.merchantId && a.status !== 'resolved');
    this.form.elements.alertId.value = alert?.id ?? '';
    this.form.querySelector('[data-field="link"]').textContent = `About ${item.merchantId} (${item.id})`;
    this.form.elements.note.focus();
  }

  refreshAlertChoices() {
    const select = this.form.elements.alertId;
    const chosen = select.value;
    select.replaceChildren(Object.assign(el('option', null, 'No alert'), { value: '' }));
    for (const alert of this.alerts.values()) {
      if (alert.status !== 'resolved') {
        select.append(Object.assign(el('option', null, `${alert.merchantId}: ${alert.title}`), { value: alert.id }));
      }
    }
    select.value = chosen;
  }

  async submit() {
    const note = this.form.elements.note.value;
    const result = await raiseEscalation({ note, alertId: this.form.elements.alertId.value || null, ...this.link });
    const status = this.form.querySelector('[data-field="status"]');
    if (result.ok) {
      this.form.reset();
      this.link = { merchantId: null, outreachItemId: null };
      this.form.querySelector('[data-field="link"]').textContent = '';
      status.textContent = `Escalated (${result.body.id}).`;
      this.add([result.body]);
    } else {
      status.textContent = problemText(result);
    }
  }

  render() {
    const sorted = [...this.escalations.values()].sort((a, b) => Date.parse(b.raisedAt) - Date.parse(a.raisedAt));
    this.list.replaceChildren(...sorted.map((e) => {
      const li = el('li', 'escalation');
      li.dataset.escalationId = e.id;
      li.append(el('span', 'escalation-meta', `${formatTime(new Date(e.raisedAt))} · ${e.raisedBy}${e.merchantId ? ` · ${e.merchantId}` : ''}${e.alertId ? ` · ${e.alertId}` : ''}`),
        el('p', 'escalation-note', e.note));
      return li;
    }));
    this.panel.hidden = false;
    if (this.canRaise) {
      this.refreshAlertChoices();
    }
  }
}
