// The agents' outreach panel: one card per affected customer, in the server's priority order,
// with contact data, guidance, a suggested message, who holds the claim, and the claim, release
// and outcome controls. Items arrive with the GetOutreach snapshot on every (re)connect and as
// OutreachChanged pushes; a newer version of an item always replaces an older one.

import { el } from './alert-card.js';
import { formatMoney, formatTime } from './format.js';
import { claimItem, problemText, recordOutcome, releaseItem } from './outreach-api.js';

export const REASONS = Object.freeze({
  duplicate_charge: 'Duplicate charge',
  stuck_at_payment: 'Stuck at payment',
  incident_failure: 'Failed during incident',
  repeated_failures: 'Repeated failures',
});

export const OUTCOMES = Object.freeze({
  recovered: 'Recovered',
  refunded: 'Refunded',
  no_answer: 'No answer',
  declined_help: 'Declined help',
  not_needed: 'Not needed',
});

const STATUS_RANK = { open: 0, claimed: 1, done: 2 };

/** The server's order (docs/outreach.md): open, claimed, done; duplicate charges first; amount × urgency; oldest first. */
export function compareItems(a, b) {
  return (STATUS_RANK[a.status] - STATUS_RANK[b.status])
    || ((b.reason === 'duplicate_charge') - (a.reason === 'duplicate_charge'))
    || (b.priority - a.priority)
    || (Date.parse(a.createdAt) - Date.parse(b.createdAt))
    || a.id.localeCompare(b.id);
}

export class OutreachPanel {
  /**
   * @param {object} options
   * @param {HTMLElement} options.panel the section (shown once items can be worked)
   * @param {HTMLOListElement} options.list
   * @param {HTMLElement} options.summary
   * @param {string} options.me the signed-in user's name
   * @param {import('./alert-store.js').AlertStore} options.alerts for on-call notes of an item's incident
   * @param {(item: object) => void} options.onEscalate opens the escalation form for an item
   */
  constructor({ panel, list, summary, me, alerts, onEscalate }) {
    Object.assign(this, { panel, list, summary, me, alerts, onEscalate });
    this.items = new Map();
    this.errors = new Map();
  }

  /** Replaces everything with a snapshot's items. */
  replaceAll(items) {
    this.items.clear();
    this.apply(items);
  }

  /** Applies changed items (newer versions only) and redraws the cards that changed. */
  apply(items) {
    for (const item of items ?? []) {
      const known = this.items.get(item.id);
      if (!known || known.version <= item.version) {
        this.items.set(item.id, item);
      }
    }
    this.render();
  }

  render() {
    const sorted = [...this.items.values()].sort(compareItems);
    const present = new Set(sorted.map((i) => i.id));
    for (const node of [...this.list.children]) {
      if (!present.has(node.dataset.itemId)) {
        node.remove();
      }
    }
    // Walks the list once: a card already in its place stays attached (moving a node detaches
    // it, which would drop a click or a half-typed outcome), a card out of place moves once.
    let next = this.list.firstElementChild;
    for (const item of sorted) {
      let node = this.list.querySelector(`:scope > li[data-item-id="${CSS.escape(item.id)}"]`);
      if (!node || node.dataset.version !== String(item.version) || node.dataset.error !== (this.errors.get(item.id) ?? '')) {
        const fresh = this.card(item);
        if (node) {
          if (node === next) {
            next = fresh;
          }
          node.replaceWith(fresh);
        }
        node = fresh;
      }
      if (node === next) {
        next = node.nextElementSibling;
      } else {
        this.list.insertBefore(node, next);
      }
    }
    const open = sorted.filter((i) => i.status === 'open').length;
    const mine = sorted.filter((i) => i.status === 'claimed' && i.claimedBy === this.me).length;
    this.summary.textContent = `${open} open · ${mine} yours`;
    this.panel.hidden = false;
  }

  card(item) {
    const li = el('li', 'outreach-item');
    Object.assign(li.dataset, { itemId: item.id, status: item.status, reason: item.reason, version: String(item.version), error: this.errors.get(item.id) ?? '' });

    const head = el('div', 'outreach-head');
    head.append(el('span', 'outreach-reason', REASONS[item.reason] ?? item.reason), el('span', 'outreach-merchant', item.merchantId),
      el('strong', 'outreach-amount', item.amountMinor == null ? '—' : formatMoney(item.amountMinor, item.currency)));
    head.querySelector('.outreach-amount').dataset.field = 'amount';
    li.append(head);

    const customer = item.customer;
    const contact = el('p', 'outreach-customer', customer
      ? [customer.name, customer.email, customer.phone].filter(Boolean).join(' · ') || 'No contact data'
      : 'No contact data');
    contact.dataset.field = 'customer';
    li.append(contact);

    const guidance = el('div', 'outreach-guidance');
    guidance.dataset.field = 'guidance';
    guidance.append(el('p', null, item.guidance.summary));
    if (item.declineCode) {
      guidance.append(el('p', null, `Decline ${item.declineCode}: ${item.guidance.meaning ?? ''}`));
    }
    if (item.guidance.say) {
      guidance.append(el('p', 'outreach-say', `Say: ${item.guidance.say}`));
    }
    if (item.guidance.neverSay) {
      guidance.append(el('p', 'outreach-never', `Never: ${item.guidance.neverSay}`));
    }
    li.append(guidance);

    const message = el('blockquote', 'outreach-message', item.suggestedMessage);
    message.dataset.field = 'message';
    li.append(message);

    const note = this.incidentNote(item);
    if (note) {
      li.append(note);
    }

    const claim = el('p', 'outreach-claim', this.claimText(item));
    claim.dataset.field = 'claim';
    li.append(claim);

    const error = el('p', 'outreach-error', this.errors.get(item.id) ?? '');
    error.dataset.field = 'error';
    error.setAttribute('role', 'alert');
    li.append(error);

    if (item.status !== 'done') {
      li.append(this.actions(item));
    }
    return li;
  }

  claimText(item) {
    if (item.status === 'done') {
      const amount = item.recoveredAmountMinor != null ? ` ${formatMoney(item.recoveredAmountMinor, item.currency)}` : '';
      return `${OUTCOMES[item.outcome] ?? item.outcome}${amount} — ${item.outcomeBy}`;
    }
    if (item.status === 'claimed') {
      const who = item.claimedBy === this.me ? 'you' : item.claimedBy;
      return `Claimed by ${who} until ${formatTime(new Date(item.claimExpiresAt))}`;
    }
    return 'Open';
  }

  /** The latest on-call note of the open incident this failure belongs to, so agents see what payments know. */
  incidentNote(item) {
    if (!item.incidentKey || !this.alerts) {
      return null;
    }
    const alert = [...this.alerts.values()].find((a) => a.incidentKey === item.incidentKey);
    if (!alert?.latestNote) {
      return null;
    }
    const p = el('p', 'outreach-oncall-note', `On-call (${alert.latestNote.by}): ${alert.latestNote.text}`);
    p.dataset.field = 'oncall-note';
    return p;
  }

  actions(item) {
    const box = el('div', 'outreach-actions');
    const mine = item.status === 'claimed' && item.claimedBy === this.me;
    if (item.status === 'open' || mine) {
      box.append(this.button(mine ? 'Renew claim' : 'Claim', () => claimItem(item.id), item));
    }
    if (mine) {
      box.append(this.button('Release', () => releaseItem(item.id), item));
    }
    if (item.status === 'open' || mine) {
      box.append(this.outcomeForm(item));
    }
    const escalate = el('button', 'alert-button alert-button-quiet', 'Escalate to payments');
    escalate.type = 'button';
    escalate.addEventListener('click', () => this.onEscalate(item));
    box.append(escalate);
    return box;
  }

  button(label, call, item) {
    const button = el('button', 'alert-button', label);
    button.type = 'button';
    button.addEventListener('click', () => this.run(item, call));
    return button;
  }

  outcomeForm(item) {
    const form = el('form', 'outreach-outcome');
    const select = el('select');
    select.name = 'outcome';
    select.setAttribute('aria-label', 'Outcome');
    for (const [value, label] of Object.entries(OUTCOMES)) {
      const option = el('option', null, label);
      option.value = value;
      select.append(option);
    }
    const amount = el('input');
    Object.assign(amount, { name: 'amount', type: 'number', min: '0', step: '0.01', placeholder: `Recovered (${item.currency ?? ''})` });
    amount.setAttribute('aria-label', 'Recovered amount');
    const note = el('input');
    Object.assign(note, { name: 'note', type: 'text', maxLength: 2000, placeholder: 'Note (optional)' });
    note.setAttribute('aria-label', 'Outcome note');
    const save = el('button', 'alert-button', 'Save outcome');
    save.type = 'submit';
    form.append(select, amount, note, save);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const body = { outcome: select.value, note: note.value || null };
      if (select.value === 'recovered') {
        body.recoveredAmountMinor = toMinor(amount.value, item.currency);
      }
      this.run(item, () => recordOutcome(item.id, body));
    });
    return form;
  }

  async run(item, call) {
    const result = await call();
    if (result.status === 401) {
      window.location.reload();
      return;
    }
    if (result.ok) {
      this.errors.delete(item.id);
      this.apply([result.body]);
      return;
    }
    this.errors.set(item.id, problemText(result));
    // A 409 carries the item as the server has it (who holds the claim) in its detail; the push follows.
    this.render();
  }
}

/** "49.99" in EUR → 4999 minor units, by the currency's own fraction digits. */
export function toMinor(text, currency) {
  const value = Number(text);
  if (!Number.isFinite(value) || text === '') {
    return null;
  }
  let digits = 2;
  try {
    digits = new Intl.NumberFormat(undefined, { style: 'currency', currency: currency ?? 'EUR' }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    digits = 2;
  }
  return Math.round(value * 10 ** digits);
}
