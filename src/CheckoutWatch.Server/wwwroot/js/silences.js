// Silences (maintenance windows) on the board, for on-call and admins: create one (merchant,
// kind, dimension, start, end, reason; the author is whoever is signed in), list the active and
// scheduled ones, end one early. Silenced alerts stay on the board, marked (alert-card.js).
// Everything goes through /api/v1/silences, which checks the role again.

import { el } from './alert-card.js';
import { formatHourMinute } from './format.js';

const API = 'api/v1/silences';

/** How often the list is refreshed (scheduled silences start, active ones end). */
export const SILENCE_REFRESH_MS = 30_000;

const KINDS = [['', 'any kind'], ['payment_failure_spike', 'payment failures'], ['traffic_drop', 'traffic drop'], ['stuck_sessions', 'stuck sessions']];
const DIMENSIONS = [['', 'any slice'], ['merchant', 'merchant-wide'], ['psp', 'PSP'], ['payment_method', 'method'],
  ['card_network', 'network'], ['decline_class', 'decline class'], ['decline_code', 'decline code']];

function labelled(text, control) {
  const label = el('label', 'silence-field');
  label.append(el('span', 'silence-label', text), control);
  return label;
}

function input(name, attributes = {}) {
  const node = el('input', 'silence-input');
  node.name = name;
  node.dataset.field = `silence-${name}`;
  Object.assign(node, attributes);
  return node;
}

function select(name, options) {
  const node = el('select', 'silence-input');
  node.name = name;
  node.dataset.field = `silence-${name}`;
  for (const [value, text] of options) {
    const option = el('option', null, text);
    option.value = value;
    node.append(option);
  }
  return node;
}

/** A datetime-local value (the display's local time) as an ISO instant, or null when empty. */
export function localToIso(value) {
  if (!value) {
    return null;
  }
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

/** The API request for the form's values. */
export function silenceRequest(values) {
  const dimensionKind = values.dimensionKind || null;
  const dimensionValue = values.dimensionValue?.trim() || null;
  const endsAt = localToIso(values.endsAt);
  const minutes = Number.parseInt(values.durationMinutes, 10);
  return {
    merchantId: values.merchantId?.trim() || null,
    kind: values.kind || null,
    // A value without its kind goes as typed: the server says what is missing.
    dimension: dimensionKind || dimensionValue ? { kind: dimensionKind, value: dimensionValue } : null,
    startsAt: localToIso(values.startsAt),
    endsAt,
    durationMinutes: endsAt ? null : (Number.isFinite(minutes) ? minutes : null),
    reason: values.reason?.trim() ?? '',
  };
}

/** "adyen-shop · payment failures · PSP adyen", with "any" for what is left open. */
export function scopeText(silence) {
  const kind = KINDS.find(([value]) => value === silence.kind)?.[1] ?? silence.kind ?? 'any kind';
  const dimension = silence.dimension
    ? `${DIMENSIONS.find(([value]) => value === silence.dimension.kind)?.[1] ?? silence.dimension.kind}${silence.dimension.value ? ` ${silence.dimension.value}` : ''}`
    : 'any slice';
  return `${silence.merchantId ?? 'any merchant'} · ${kind} · ${dimension}`;
}

/** The silences panel (a collapsible box above the alert feed). */
export class SilencePanel {
  /**
   * @param {HTMLElement} host an empty element to fill
   * @param {() => void} onSignedOut the session ended
   */
  constructor(host, onSignedOut) {
    this.host = host;
    this.onSignedOut = onSignedOut;
    const box = el('details', 'silences');
    const summary = el('summary', 'silences-summary', 'Silences');
    this.count = el('span', 'panel-note');
    this.count.dataset.field = 'silence-count';
    summary.append(' ', this.count);
    this.form = this.buildForm();
    this.list = el('ol', 'silence-list');
    this.list.dataset.field = 'silence-list';
    box.append(summary, this.form, this.list);
    host.replaceChildren(box);
    host.hidden = false;
    this.box = box;

    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.create();
    });
    this.list.addEventListener('click', (event) => {
      const button = event.target instanceof Element ? event.target.closest('button[data-action="end-silence"]') : null;
      const item = button?.closest('li[data-silence-id]');
      if (item && !button.disabled) {
        button.disabled = true;
        this.end(item.dataset.silenceId);
      }
    });
    this.refresh();
    setInterval(() => this.refresh(), SILENCE_REFRESH_MS);
  }

  buildForm() {
    const form = el('form', 'silence-form');
    const minutes = input('durationMinutes', { type: 'number', min: 1, max: 43200, value: '60' });
    const reason = input('reason', { required: true, maxLength: 500, placeholder: 'why (e.g. PSP maintenance)' });
    form.append(
      labelled('Merchant', input('merchantId', { maxLength: 128, placeholder: 'any merchant' })),
      labelled('Kind', select('kind', KINDS)),
      labelled('Slice', select('dimensionKind', DIMENSIONS)),
      labelled('Value', input('dimensionValue', { maxLength: 128, placeholder: 'any value' })),
      labelled('Starts', input('startsAt', { type: 'datetime-local' })),
      labelled('Ends', input('endsAt', { type: 'datetime-local' })),
      labelled('or for minutes', minutes),
      labelled('Reason', reason));
    const submit = el('button', 'alert-button', 'Silence');
    submit.type = 'submit';
    submit.dataset.action = 'create-silence';
    this.error = el('p', 'alert-error', '');
    this.error.dataset.field = 'silence-error';
    this.error.setAttribute('role', 'alert');
    this.error.hidden = true;
    form.append(submit, this.error);
    return form;
  }

  async request(path, init) {
    const response = await fetch(new URL(path, document.baseURI), { headers: { Accept: 'application/json', ...init?.headers }, ...init });
    if (response.status === 401) {
      this.onSignedOut();
      return null;
    }
    return response;
  }

  showError(text) {
    this.error.textContent = text ?? '';
    this.error.hidden = !text;
  }

  async create() {
    const values = Object.fromEntries(new FormData(this.form).entries());
    let error = null;
    try {
      const response = await this.request(API, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(silenceRequest(values)),
      });
      if (!response) {
        return;
      }
      if (response.ok) {
        this.form.reset();
      } else {
        const problem = await response.json().catch(() => null);
        error = problem?.detail ?? problem?.title ?? `The server answered ${response.status}.`;
      }
    } catch {
      error = 'The server could not be reached; try again.';
    }
    this.showError(error);
    await this.refresh();
  }

  async end(id) {
    try {
      const response = await this.request(`${API}/${encodeURIComponent(id)}/expire`, { method: 'POST' });
      if (response && !response.ok) {
        const problem = await response.json().catch(() => null);
        this.showError(problem?.detail ?? `The server answered ${response.status}.`);
      }
    } catch {
      this.showError('The server could not be reached; try again.');
    }
    await this.refresh();
  }

  async refresh() {
    try {
      const response = await this.request(API);
      if (response?.ok) {
        this.render(await response.json());
      }
    } catch {
      // Offline for a moment: the next refresh catches up.
    }
  }

  render(silences) {
    const current = silences.filter((s) => s.state === 'active' || s.state === 'scheduled');
    const active = current.filter((s) => s.state === 'active').length;
    this.count.textContent = `${active} active${current.length > active ? ` · ${current.length - active} scheduled` : ''}`;
    this.list.replaceChildren(...current.map((s) => {
      const item = el('li', 'silence');
      item.dataset.silenceId = s.id;
      item.dataset.state = s.state;
      const when = s.state === 'scheduled'
        ? `from ${formatHourMinute(new Date(s.startsAt))} until ${formatHourMinute(new Date(s.endsAt))}`
        : `until ${formatHourMinute(new Date(s.endsAt))}`;
      const scope = el('p', 'silence-scope', scopeText(s));
      scope.dataset.field = 'silence-scope';
      const meta = el('p', 'silence-meta', `${s.state} ${when} · ${s.author}: ${s.reason}`);
      meta.dataset.field = 'silence-meta';
      const end = el('button', 'alert-button alert-button-quiet', 'End now');
      end.type = 'button';
      end.dataset.action = 'end-silence';
      item.append(scope, meta, end);
      return item;
    }));
  }
}
