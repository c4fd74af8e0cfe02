// The part of an alert's list item that outlives card rebuilds: the on-call note box and the
// timeline. Cards are rebuilt whenever their alert changes (every update from detection); a note
// half typed, or a timeline someone opened, must survive that, so they live beside the card.

import { formatHourMinute } from './format.js';
import { el } from './alert-card.js';
import { AlertEvidence } from './alert-evidence.js';

const KIND_LABELS = {
  opened: 'opened',
  severity_changed: 'severity',
  acknowledged: 'acknowledged',
  note: 'note',
  resolved: 'resolved',
  reopened: 'reopened',
  silenced: 'silenced',
  unsilenced: 'silence ended',
  notified: 'notified',
  escalated: 'escalated',
  delivery_failed: 'delivery failed',
  delivery_given_up: 'delivery given up',
};

/** Note input and timeline of one alert. */
export class AlertDetail {
  /** @param {string} id */
  constructor(id) {
    this.id = id;
    this.sequence = null;
    this.root = el('div', 'alert-detail');
    this.form = el('form', 'alert-note-form');
    this.input = el('textarea', 'alert-note-input');
    this.input.dataset.field = 'note-input';
    this.input.rows = 2;
    this.input.maxLength = 2000;
    this.input.placeholder = 'Add a note for the team…';
    this.input.setAttribute('aria-label', 'note');
    const add = el('button', 'alert-button alert-button-quiet', 'Add note');
    add.type = 'submit';
    add.dataset.action = 'note';
    this.form.append(this.input, add);
    this.timeline = el('details', 'alert-timeline');
    this.timeline.dataset.field = 'timeline';
    this.timeline.append(el('summary', null, 'Timeline'));
    this.list = el('ol', 'alert-timeline-list');
    this.timeline.append(this.list);
    this.timeline.addEventListener('toggle', () => {
      if (this.timeline.open) {
        this.load();
      }
    });
    this.evidence = new AlertEvidence();
    this.root.append(this.form, ...this.evidence.nodes, this.timeline);
  }

  /** Shows or hides the note box; refreshes an open timeline when the alert changed. */
  update(alert, mode) {
    this.root.hidden = mode === 'child';
    if (alert.sequence !== this.sequence) {
      this.sequence = alert.sequence;
      this.evidence.update(alert);
      if (this.timeline.open) {
        this.load();
      }
    }
  }

  async load() {
    try {
      const url = new URL(`api/v1/alerts/${encodeURIComponent(this.id)}/timeline`, document.baseURI);
      const response = await fetch(url, { headers: { Accept: 'application/json' } });
      if (!response.ok) {
        return;
      }
      const { entries } = await response.json();
      this.list.replaceChildren(...entries.map((entry) => {
        const item = el('li', 'alert-timeline-entry');
        item.dataset.kind = entry.kind;
        item.append(
          el('time', 'alert-timeline-at', formatHourMinute(new Date(entry.at))),
          ' ',
          el('span', 'alert-timeline-kind', KIND_LABELS[entry.kind] ?? entry.kind),
          ' ',
          el('span', 'alert-timeline-actor', entry.actor));
        if (entry.text) {
          item.append(el('p', 'alert-timeline-text', entry.text));
        }
        return item;
      }));
    } catch {
      // Offline for a moment: the next change of the alert reloads it.
    }
  }
}
